import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BODIES_FILE, type OldReading, type WrittenResponse, writeCompatSources } from "../src/compat.js";
import { BODIES_1_2_FILE, E2E_UPSTREAM, type Written12, writeCompat12Sources } from "../src/compat-1-2.js";
import { initConsumer, writeConsumerSources, writeExhaustive } from "../src/consumer.js";
import {
  FRAMEWORK_PACKAGE,
  installConsumer,
  installed,
  registryDoc,
  topLevelPackages,
} from "../src/consumer-install.js";
import { commandEnv, offline, writeNpmrc } from "../src/env.js";
import { findLastRelease, type ReleaseCommit } from "../src/last-release.js";
import { type LocalRegistry, startRegistry } from "../src/registry.js";
import {
  addReleaseWorktree,
  buildPublicPackages,
  changesetPublish,
  parseVersion,
  removeReleaseWorktree,
} from "../src/release-build.js";
import { run, runOk } from "../src/run.js";
import { writeUpstreamSources } from "../src/upstream-consumer.js";
import {
  commitAll,
  copyWorkspace,
  generatedContractVersion,
  gitIn,
  PUBLIC_NAMES,
  PUBLIC_PACKAGES,
  pendingChangesets,
  publicNamesIn,
  publicVersions,
  REPO_ROOT,
} from "../src/workspace.js";

const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const CONSUMER_PACKAGES = ["@org/error-client", "@org/error-server", "@org/error-validator"];
/** What a consumer of CONSUMER_PACKAGES gets installed: them and @org/error-types. */
const CORE_NAMES = [...CONSUMER_PACKAGES, "@org/error-types"].sort();
const tmp = mkdtempSync(join(tmpdir(), "org-release-e2e-"));
const oldWs = join(tmp, "release-worktree");
const ws = join(tmp, "workspace");
const oldConsumer = join(tmp, "consumer-old");
const newConsumer = join(tmp, "consumer-new");
let registry: LocalRegistry | undefined;
let env: NodeJS.ProcessEnv = {};
let release: ReleaseCommit;
/** The version released by the found commit, and the one the working tree releases now. */
let v1 = "";
let v2 = "";
const timings: [string, number][] = [];
let started = 0;

/** Runs one step of a test and records its time (printed under the test's own line). */
async function step<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timings.push([`  - ${name}`, performance.now() - t0]);
  }
}
const tsc = (dir: string, config: string) =>
  run(process.execPath, [TSC, "-p", `tsconfig.${config}.json`], { cwd: dir, env });
const node = async (dir: string, args: string[]) =>
  JSON.parse((await runOk(process.execPath, args, { cwd: dir, env })).stdout) as unknown;
const orgTags = () => gitIn(REPO_ROOT)("tag", "--list", "@org/*");

async function expectPublished(version: string, names: readonly string[] = PUBLIC_NAMES): Promise<void> {
  for (const name of names)
    expect(Object.keys((await registryDoc(registry!.url, name))?.versions ?? {}), name).toContain(version);
  // workspace:* became the exact version of the release.
  expect((await registryDoc(registry!.url, "@org/error-server"))?.versions[version]?.dependencies).toEqual({
    "@org/error-types": version,
    "@org/error-validator": version,
  });
}

/** Installs `version` into a fresh consumer and checks the lock: the four packages, one version, all from the local registry. */
async function freshConsumer(dir: string, version: string): Promise<string[]> {
  initConsumer(dir);
  await installConsumer(dir, env, registry!.url, CONSUMER_PACKAGES, version);
  const lock = installed(dir);
  expect(Object.keys(lock).sort()).toEqual(CORE_NAMES);
  for (const [name, info] of Object.entries(lock)) {
    expect(info.version, name).toBe(version);
    expect(info.resolved.startsWith(registry!.url), `${name} from ${info.resolved}`).toBe(true);
  }
  const { v, codes } = (await node(dir, [
    "-e",
    'const t = require("@org/error-types"); console.log(JSON.stringify({ v: t.CONTRACT_VERSION, codes: t.ERROR_CODES }))',
  ])) as { v: string; codes: string[] };
  expect(v).toBe(version);
  writeConsumerSources(dir, codes);
  return codes;
}

/** ESM and CJS run the same round trip (server -> strict validation -> client); returns the ESM result. */
async function roundTrips(dir: string, version: string): Promise<{ body: { error: Record<string, unknown> } }> {
  const [esm, cjs] = [await node(dir, ["src/round-trip.mjs"]), await node(dir, ["src/round-trip.cjs"])];
  expect(esm).toMatchObject({
    status: 404,
    contentType: expect.stringMatching(/^application\/json/),
    strictValid: true,
    isApiError: true,
    clientCode: "model_not_found",
    clientStatus: 404,
    catalogStatus: 404,
    contractVersion: version,
  });
  expect(cjs).toEqual(esm);
  return esm as never;
}

async function typeChecks(dir: string, configs: string[]): Promise<void> {
  for (const config of configs) {
    const r = await tsc(dir, config);
    expect(r.code, `tsc -p tsconfig.${config}.json:\n${r.output}`).toBe(0);
  }
}

beforeAll(async () => {
  const t0 = performance.now();
  try {
    // Read pnpm's store before the npmrc is swapped for the temporary one.
    const store = (await runOk("pnpm", ["store", "path"], { cwd: REPO_ROOT, env: process.env })).stdout.trim();
    release = findLastRelease(REPO_ROOT);
    registry = await startRegistry(join(tmp, "registry"));
    const npmrc = join(tmp, "npmrc");
    writeNpmrc(npmrc, registry.url);
    env = commandEnv({ registryUrl: registry.url, npmrc, npmCache: join(tmp, "npm-cache"), pnpmStore: store });
  } catch (e) {
    await registry?.stop();
    throw e;
  }
  timings.push(["start Verdaccio, find the release", performance.now() - t0]);
});
beforeEach(() => void (started = performance.now()));
afterEach((ctx) => void timings.push([ctx.task.name, performance.now() - started]));

afterAll(async () => {
  try {
    await registry?.stop();
  } finally {
    removeReleaseWorktree(oldWs);
    rmSync(tmp, { recursive: true, force: true });
    const total = timings.filter(([name]) => !name.startsWith(" ")).reduce((sum, [, ms]) => sum + ms, 0);
    console.log(
      `release e2e timings:\n${timings.map(([name, ms]) => `${(ms / 1000).toFixed(1).padStart(7)} s  ${name}`).join("\n")}\n${(total / 1000).toFixed(1).padStart(7)} s  total`,
    );
  }
});

describe("release end to end: the last release from git history, then this tree as the next minor, on a local Verdaccio", () => {
  it("runs Verdaccio on 127.0.0.1 with no uplinks: a package it does not hold is a 404 at once", async () => {
    expect(registry!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(new URL("-/ping", registry!.url))).status).toBe(200);
    expect((await fetch(new URL("left-pad", registry!.url))).status).toBe(404);
    expect(await registryDoc(registry!.url, "@org/error-types")).toBeNull();
  });

  it("the last release: found in git history, built in a temporary git worktree, published as it was", async () => {
    const tagsBefore = orgTags();
    addReleaseWorktree(release.sha, oldWs);
    v1 = publicVersions(oldWs)["@org/error-types"] ?? "";
    expect(v1).toBe(release.version);
    // A package new in the next release (1.2's @org/error-upstream) is not in this one.
    const oldNames = publicNamesIn(oldWs);
    expect(oldNames).toEqual(expect.arrayContaining(CORE_NAMES));
    expect(new Set(Object.values(publicVersions(oldWs)))).toEqual(new Set([v1]));
    expect(pendingChangesets(oldWs)).toEqual([]);
    await step("install (offline)", () =>
      runOk("pnpm", ["install", "--frozen-lockfile", "--offline"], { cwd: oldWs, env: offline(env) }),
    );
    await step("build", () => buildPublicPackages(oldWs, env));
    expect(generatedContractVersion(oldWs)).toBe(v1);
    const published = await step("changeset publish", () => changesetPublish(oldWs, env, false));
    for (const name of oldNames) expect(published.output).toContain(`${name}@${v1}`);
    await expectPublished(v1, oldNames);
    // The worktree shares this repository's refs: publishing it must not have tagged anything.
    expect(orgTags()).toBe(tagsBefore);
  });

  it("the next release: this tree copied, versioned when a changeset is pending, built and published", async () => {
    await step("copy", () => copyWorkspace(ws));
    await step("install (offline)", () =>
      runOk("pnpm", ["install", "--frozen-lockfile", "--offline"], { cwd: ws, env: offline(env) }),
    );
    // Before `changeset version` has run on main the tree holds a pending changeset; after it, the new version.
    if (pendingChangesets(ws).length > 0)
      await step("pnpm version-packages", () => runOk("pnpm", ["version-packages"], { cwd: ws, env: offline(env) }));
    expect(pendingChangesets(ws)).toEqual([]);
    expect(publicNamesIn(ws)).toEqual(PUBLIC_NAMES);
    const versions = publicVersions(ws);
    v2 = versions["@org/error-types"] ?? "";
    expect(new Set(Object.values(versions))).toEqual(new Set([v2]));
    const [[maj1, min1], [maj2, min2, patch2]] = [parseVersion(v1), parseVersion(v2)];
    expect({ major: maj2, minor: min2, patch: patch2 }, `${v1} -> ${v2} is a minor release`).toEqual({
      major: maj1,
      minor: min1 + 1,
      patch: 0,
    });
    expect(generatedContractVersion(ws)).toBe(v2);
    for (const dir of Object.values(PUBLIC_PACKAGES))
      expect(readFileSync(join(ws, dir, "CHANGELOG.md"), "utf8")).toContain(`## ${v2}`);
    commitAll(ws, "Version packages");
    await step("build", () => buildPublicPackages(ws, env));
    await step("changeset publish", () => changesetPublish(ws, env, true));
    await expectPublished(v2);
    for (const name of PUBLIC_NAMES) expect((await registryDoc(registry!.url, name))?.["dist-tags"]["latest"]).toBe(v2);
    expect(gitIn(ws)("tag", "--list").split("\n")).toEqual(
      expect.arrayContaining(PUBLIC_NAMES.map((n) => `${n}@${v2}`)),
    );
  });

  it("a consumer of the last release: ESM and CJS run, tsc passes (node16, bundler), a misspelled code does not compile", async () => {
    await freshConsumer(oldConsumer, v1);
    writeCompatSources(oldConsumer);
    await roundTrips(oldConsumer, v1);
    await typeChecks(oldConsumer, ["node16", "bundler"]);
    const wrong = await tsc(oldConsumer, "wrong");
    expect(wrong.code).not.toBe(0);
    expect(wrong.stdout).toMatch(
      /src\/wrong\.ts\(3,\d+\): error TS\d+: Type '"model_not_fund"' is not assignable to type 'ErrorCode'/,
    );
    expect(wrong.stdout).toMatch(/src\/wrong\.ts\(4,\d+\): error TS\d+/);
  });

  it("a consumer of the new release: ESM and CJS run with doc_url in the body, tsc passes with the 1.1 members, the exhaustive switch holds", async () => {
    const codes = await freshConsumer(newConsumer, v2);
    writeCompatSources(newConsumer);
    writeCompat12Sources(newConsumer);
    const esm = await roundTrips(newConsumer, v2);
    expect(esm.body.error).toMatchObject({
      code: "model_not_found",
      type: "not_found_error",
      doc_url: expect.stringMatching(/^https?:\/\/[^#]+#model_not_found$/),
    });
    await typeChecks(newConsumer, ["node16", "bundler", "v11"]);
    // An unhandled code fails the exhaustive switch; handled, it compiles again.
    writeExhaustive(newConsumer, codes.slice(0, -1));
    const broken = await tsc(newConsumer, "exhaustive");
    expect(broken.stdout).toMatch(
      new RegExp(
        `src/exhaustive\\.mts\\(\\d+,\\d+\\): error TS2322: Type '"${codes.at(-1)}"' is not assignable to type 'never'`,
      ),
    );
    writeExhaustive(newConsumer, codes);
    await typeChecks(newConsumer, ["exhaustive"]);
  });

  it("the old consumer reads every new body (lenient validation, parseErrorResponse); strict old validation rejects them when it predates 1.1, strict new accepts them", async () => {
    const out = join(tmp, BODIES_FILE);
    await runOk(process.execPath, ["src/write-bodies.mjs", out], { cwd: newConsumer, env });
    const written = JSON.parse(readFileSync(out, "utf8")) as { version: string; responses: WrittenResponse[] };
    expect(written.version).toBe(v2);
    for (const [i, r] of written.responses.entries()) {
      expect(r.strictValid, JSON.stringify(r.body)).toBe(true);
      expect(r.body.error.request_id).toBe(`req-e2e-${i}`);
      expect(r.body.error.doc_url).toBe(r.catalogDocUrl ?? undefined);
      expect(r.headers["x-error-code"]).toBe(r.body.error.code ?? undefined);
    }
    const { version, readings } = (await node(oldConsumer, ["src/read-bodies.mjs", out])) as {
      version: string;
      readings: OldReading[];
    };
    expect(version).toBe(v1);
    expect(readings).toHaveLength(written.responses.length);
    // The 1.1 members (request_id, doc_url) are unknown to a strict 1.0 validator; a last release
    // of 1.1 or later (a tree with a pending changeset) knows them and accepts the bodies.
    const [major = 0, minor = 0] = v1.split(".").map(Number);
    const oldKnowsThem = major > 1 || (major === 1 && minor >= 1);
    for (const [i, reading] of readings.entries()) {
      const { body, status } = written.responses[i]!;
      expect(reading.lenient, `lenient ${v1}: ${JSON.stringify(body)}`).toBe(true);
      expect(reading.strict, `strict ${v1}: ${JSON.stringify(body)}`).toBe(oldKnowsThem);
      if (!oldKnowsThem) expect(reading.strictIssues.join("; ")).toMatch(/request_id|doc_url/);
      expect(reading.apiError).toMatchObject({
        name: "ApiError",
        code: body.error.code,
        type: body.error.type,
        status,
        requestId: `req-e2e-${i}`,
        isContract: true,
      });
    }
  });

  it("the old consumer reads 1.2 bodies: error.upstream (lenient yes, strict names it) and the anthropic and gemini dialects, each an ApiError that decides retries as the new client does", async () => {
    const out = join(tmp, BODIES_1_2_FILE);
    await runOk(process.execPath, ["src/write-bodies-1-2.mjs", out], { cwd: newConsumer, env });
    const written = JSON.parse(readFileSync(out, "utf8")) as {
      version: string;
      dialects: string[] | null;
      responses: Written12[];
    };
    expect(written.version).toBe(v2);
    // 1.2 is one release with the dialects (issue 24): its server speaks all three.
    expect(written.dialects).toEqual(["openai", "anthropic", "gemini"]);
    const { version, readings } = (await node(oldConsumer, ["src/read-bodies.mjs", out])) as {
      version: string;
      readings: OldReading[];
    };
    expect(version).toBe(v1);
    expect(readings).toHaveLength(written.responses.length);
    expect(new Set(written.responses.map((r) => r.form))).toEqual(new Set(["upstream", "anthropic", "gemini"]));
    const [major = 0, minor = 0] = v1.split(".").map(Number);
    // 1.2 is one release with error.upstream and the dialects: a last release of 1.2 or later knows both.
    const oldKnowsUpstream = major > 1 || (major === 1 && minor >= 2);
    for (const [i, reading] of readings.entries()) {
      const w = written.responses[i]!;
      const error = w.body["error"] as Record<string, unknown>;
      const what = `${w.form} ${w.code ?? w.status} read by ${v1}: ${JSON.stringify(w.body)}`;
      // Whatever the shape: an ApiError (never a throw) with the status, the request id, the
      // message, and the retry decision the 1.2 client makes on the envelope of the same error.
      expect(reading.apiError, what).toMatchObject({
        name: "ApiError",
        status: w.status,
        requestId: w.requestId,
        retryable: w.retryable,
        detail: expect.stringContaining(w.message),
      });
      if (w.form === "upstream") {
        expect(w.strictValid, what).toBe(true);
        expect(error["upstream"], what).toEqual(E2E_UPSTREAM);
        expect(reading.lenient, what).toBe(true);
        expect(reading.strict, what).toBe(oldKnowsUpstream);
        if (!oldKnowsUpstream) expect(reading.strictIssues.join("; "), what).toMatch(/"upstream"/);
        expect(reading.apiError, what).toMatchObject({ code: w.code, type: error["type"], isContract: true });
      } else if (w.form === "anthropic") {
        // Anthropic's shape: Anthropic's type; the catalog code where the body carries it as
        // error.code (1.1 reads no x-error-code header; a later client may, and finds the code).
        const inBody = typeof error["code"] === "string" ? error["code"] : null;
        const { code } = reading.apiError as { code: unknown };
        expect(inBody === null ? [null, w.code] : [inBody], what).toContain(code);
        expect(reading.apiError, what).toMatchObject({ type: error["type"], isContract: reading.lenient });
      } else if (oldKnowsUpstream) {
        // A 1.2 client or later reads Google's ErrorInfo: its reason is the catalog code (none
        // for a code-less error, whose raw code stays error.code, the HTTP status).
        expect(reading.apiError, what).toMatchObject({
          code: w.code,
          rawCode: w.code ?? w.status,
          type: error["status"],
          isContract: reading.lenient,
        });
      } else {
        // Before 1.2, Google's shape: error.code is the HTTP status (no catalog code), error.status the category.
        expect(reading.apiError, what).toMatchObject({
          code: null,
          rawCode: w.status,
          type: error["status"],
          isContract: reading.lenient,
        });
      }
    }
  });

  it("a consumer of @org/error-server alone gets no framework or observability package", async () => {
    const dir = join(tmp, "consumer-server-only");
    initConsumer(dir);
    await installConsumer(dir, env, registry!.url, ["@org/error-server"], v2);
    expect(Object.keys(installed(dir)).sort()).toEqual([
      "@org/error-server",
      "@org/error-types",
      "@org/error-validator",
    ]);
    expect(topLevelPackages(dir).filter((n) => FRAMEWORK_PACKAGE.test(n))).toEqual([]);
    expect(existsSync(join(dir, "node_modules/express"))).toBe(false);
  });

  it("a 1.2 consumer of @org/error-upstream alone: the contract packages and no framework; it maps a provider's 429 in ESM and CJS, and tsc passes", async () => {
    const dir = join(tmp, "consumer-upstream-only");
    initConsumer(dir);
    await installConsumer(dir, env, registry!.url, ["@org/error-upstream"], v2);
    const lock = installed(dir);
    expect(Object.keys(lock).sort()).toEqual([...PUBLIC_NAMES].sort());
    for (const [name, info] of Object.entries(lock)) expect(info.version, name).toBe(v2);
    expect(topLevelPackages(dir).filter((n) => FRAMEWORK_PACKAGE.test(n))).toEqual([]);
    writeUpstreamSources(dir);
    const [esm, cjs] = [await node(dir, ["src/upstream.mjs"]), await node(dir, ["src/upstream.cjs"])];
    expect(esm).toMatchObject({
      code: expect.any(String),
      status: expect.any(Number),
      upstream: { provider: "openai", status: 429, request_id: "req_up_e2e" },
      knownDisposition: true,
      rule: expect.stringMatching(/^openai\./),
    });
    expect(cjs).toEqual(esm);
    await typeChecks(dir, ["node16", "bundler"]);
  });
});
