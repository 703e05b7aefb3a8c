/**
 * The generator of app states (issue 21): for every adapter, fast-check generates what the
 * app did before it failed, what it threw, how its hooks behave and what the client sent;
 * each case runs over a real socket on 127.0.0.1 against the BUILT package and is read by an
 * independent strict reader (a raw HTTP/1.1 parser, node:http2's client for h2). See
 * `invariants.ts` for what must hold. `pnpm test` runs a fixed seed, bounded;
 * `pnpm --filter @org/error-server fuzz` runs longer (HARNESS_SEED, HARNESS_RUNS). A failure
 * prints its seed, path and shrunk plan; HARNESS_ONLY=<regex> counts only the violations it
 * matches, to find (and shrink) the counterexample of one defect class at a time;
 * HARNESS_PATH=<path> (with that seed and `-t <test>`) replays a printed counterexample.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { type App, listen, startApp } from "./apps.js";
import { planArb } from "./arbitraries.js";
import { bareFetchServer, CROSS_ADAPTERS, type CrossAdapter, crossPlanArb, crossViolations } from "./cross-adapter.js";
import { violations } from "./invariants.js";
import { ADAPTERS, type Adapter } from "./plan.js";
import { releaseProcess, runCase, watchProcess } from "./run-case.js";
import { startTracing, stopTracing } from "./tracing.js";

const FUZZ = process.env.HARNESS_FUZZ === "1";
const SEED = Number(process.env.HARNESS_SEED ?? (FUZZ ? Date.now() % 2 ** 31 : 20261207));
// Per adapter: 6 x 50 = 300 cases in `pnpm test`.
const RUNS = Number(process.env.HARNESS_RUNS ?? (FUZZ ? 1000 : 50));
const ONLY = process.env.HARNESS_ONLY === undefined ? undefined : new RegExp(process.env.HARNESS_ONLY);
// Replays one printed counterexample: HARNESS_SEED=<seed> HARNESS_PATH=<path> vitest run <this file> -t "<test name>".
const PATH = process.env.HARNESS_PATH;
// Shrinking is bounded too: a counterexample is printed with its seed and path either way.
const ASSERT = {
  seed: SEED,
  numRuns: RUNS,
  ...(PATH === undefined ? {} : { path: PATH, endOnFailure: true }),
  interruptAfterTimeLimit: FUZZ ? 3_600_000 : 90_000,
  markInterruptAsFailure: false,
};

const apps = new Map<string, App>();
const cross = new Map<CrossAdapter, App>();
const key = (adapter: Adapter, withHook: boolean): string => `${adapter}/${String(withHook)}`;

beforeAll(async () => {
  console.log(`state generator: seed ${SEED}, ${RUNS} cases per adapter`);
  watchProcess();
  startTracing();
  for (const adapter of ADAPTERS)
    for (const withHook of [false, true]) apps.set(key(adapter, withHook), await startApp(adapter, withHook));
  for (const adapter of CROSS_ADAPTERS)
    cross.set(adapter, adapter === "fetch" ? await listen(bareFetchServer()) : (apps.get(key(adapter, false)) as App));
}, 60_000);

afterAll(async () => {
  const bare = cross.get("fetch");
  try {
    await Promise.all([...apps.values(), ...(bare ? [bare] : [])].map((app) => app.close()));
  } finally {
    await stopTracing();
    releaseProcess();
  }
});

describe("a generator of app states, with invariants", () => {
  it.each(ADAPTERS)(
    "%s: every generated state before a failure is answered within the invariants",
    async (adapter) => {
      await fc.assert(
        fc.asyncProperty(planArb(adapter), async (plan) => {
          const app = apps.get(key(adapter, plan.hooks.getRequestId !== "absent")) as App;
          const found = violations(plan, await runCase(plan, app.port)).filter((v) => ONLY?.test(v) ?? true);
          if (found.length > 0) throw new Error(found.join("\n"));
        }),
        ASSERT,
      );
    },
    FUZZ ? 7_200_000 : 180_000,
  );

  it(
    "every adapter answers the same request and error alike: status, request id, body form and code",
    async () => {
      await fc.assert(
        fc.asyncProperty(crossPlanArb, async (plan) => {
          const found = (await crossViolations(plan, cross)).filter((v) => ONLY?.test(v) ?? true);
          if (found.length > 0) throw new Error(found.join("\n"));
        }),
        ASSERT,
      );
    },
    FUZZ ? 7_200_000 : 180_000,
  );
});
