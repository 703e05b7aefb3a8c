/**
 * Whatever a provider sends, the caller of the README gateway gets a strict 1.2 envelope with
 * a status the contract allows for its code, nothing of the generated secrets, a disposition
 * of the set, and no "retry" after the provider said "don't". Read by independent parsers:
 * the strict validator, JSON.parse, and the contract's tables from @org/error-types.
 */
import { HTTP_STATUSES, isHttpErrorStatus, isStatusAllowedForCode } from "@org/error-types";
import { validateErrorEnvelope } from "@org/error-validator";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UPSTREAM_DISPOSITIONS } from "../dist/index.js";
import { type ProviderCase, providerCaseArbitrary } from "./helpers/provider-arbitrary.js";
import { loadReadmeGateway } from "./helpers/readme-gateway.js";
import { type Answer, Rig } from "./helpers/rig.js";

// `pnpm fuzz` runs longer with a random seed (printed in the test's name to replay a failure).
const GIVEN = process.env["UPSTREAM_SEED"];
const SEED = GIVEN === "random" ? Date.now() % 2 ** 31 : Number(GIVEN ?? 1225);
const RUNS = Number(process.env["UPSTREAM_RUNS"] ?? 200);

let rig: Rig;
beforeAll(async () => {
  rig = await Rig.start(await loadReadmeGateway());
});
afterAll(async () => {
  await rig.close();
});

/** True when the contract lets `status` go with `code` (a codeless status for null). */
function allowed(code: unknown, status: number): boolean {
  if (!isHttpErrorStatus(status)) return false;
  if (code === null) return HTTP_STATUSES[status].codeless;
  return typeof code === "string" && isStatusAllowedForCode(code, status);
}

/** The invariants of one answer; a failure names what broke. */
function judge(c: ProviderCase, got: Answer, raw: string): void {
  if (got.streamed && got.outcome === null) return; // the provider's stream ended well: relayed as it was
  // The anthropic dialect's event is Anthropic's shape; the openai dialect's is the envelope.
  if (got.envelope === null) expect([got.event, got.body["type"]]).toEqual(["error", "error"]);
  else {
    const strict = validateErrorEnvelope(got.envelope, { mode: "strict" });
    expect(strict.ok ? [] : strict.issues).toEqual([]);
    expect(got.envelope.error["code"]).toBe(got.outcome?.error.code);
  }
  const code = got.outcome?.error.code;
  const status = got.streamed ? got.outcome?.error.status : got.status;
  expect(allowed(code, status ?? 0), `status ${status} for ${String(code)}`).toBe(true);
  for (const secret of c.secrets) expect(raw).not.toContain(secret);
  expect(UPSTREAM_DISPOSITIONS).toContain(got.outcome?.disposition);
  if (c.saidNoRetry) expect(got.retryable).toBe(false);
}

describe("whatever a provider sends (fast-check, fixed seed)", () => {
  it(`the README gateway answers a strict, allowed, secret-free envelope (${RUNS} runs, seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(providerCaseArbitrary, async (c) => {
        rig.fake.replay = c.replay;
        const got = await rig.send({ provider: c.provider, dialect: c.dialect });
        judge(c, got, JSON.stringify(got.body) + JSON.stringify([...got.headers]));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
