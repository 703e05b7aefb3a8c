import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeRoundTrip, initConsumer, writeConsumerSources, writeExhaustive } from "../src/consumer.js";
import { commandEnv, offline, writeNpmrc } from "../src/env.js";
import { type LocalRegistry, startRegistry } from "../src/registry.js";
import { run, runOk } from "../src/run.js";
import {
  addCodeToSchema,
  commitAll,
  copyWorkspace,
  generatedContractVersion,
  gitIn,
  PUBLIC_NAMES,
  PUBLIC_PACKAGES,
  publicVersions,
  readJson,
  REPO_ROOT,
  writeChangeset,
} from "../src/workspace.js";

/** The code step 4 adds to the contract. */
const NEW_CODE = { code: "e2e_conflict", status: 409, type: "invalid_request_error", meaning: "Conflicting request", action: "Adjust the request", retryable: false };
const TSC = createRequire(import.meta.url).resolve("typescript/bin/tsc");

const tmp = mkdtempSync(join(tmpdir(), "org-release-e2e-"));
const ws = join(tmp, "workspace");
const consumer = join(tmp, "consumer");
let registry: LocalRegistry | undefined;
let env: NodeJS.ProcessEnv = {};
/** Versions published by the first and the second release. */
let v1 = "";
let v2 = "";

const parse = (v: string) => v.split(".").map(Number) as [number, number, number];
const inWs = (cmd: string, args: string[], e = env) => runOk(cmd, args, { cwd: ws, env: e });
const inConsumer = (cmd: string, args: string[]) => run(cmd, args, { cwd: consumer, env });
const tsc = (config: string) => inConsumer(process.execPath, [TSC, "-p", `tsconfig.${config}.json`]);

/** npm install in the consumer, from the local registry only (explicit --registry, fresh cache). */
async function installConsumer(version: string): Promise<void> {
  const pkgs = ["@org/error-client", "@org/error-server", "@org/error-validator"].map((p) => `${p}@${version}`);
  await runOk("npm", ["install", "--registry", registry!.url, "--save-exact", "--no-audit", "--no-fund", ...pkgs], { cwd: consumer, env });
}

/** What the consumer's package-lock.json says was installed: name -> { version, resolved }. */
function installed(): Record<string, { version: string; resolved: string }> {
  const lock = readJson<{ packages: Record<string, { version: string; resolved: string }> }>(join(consumer, "package-lock.json"));
  return Object.fromEntries(Object.entries(lock.packages).filter(([path]) => path !== "").map(([path, info]) => [path.replace(/^node_modules\//, ""), info]));
}

async function registryDoc(name: string): Promise<{ versions: Record<string, { dependencies?: Record<string, string> }>; "dist-tags": Record<string, string> }> {
  const res = await fetch(new URL(name.replace("/", "%2f"), registry!.url));
  expect(res.status, `GET ${name} from the local registry`).toBe(200);
  return (await res.json()) as never;
}

async function buildAndPublish(version: string): Promise<void> {
  await inWs("pnpm", ["build"]);
  const published = await inWs("pnpm", ["exec", "changeset", "publish"]);
  expect(published.output).toContain("packages published successfully");
  for (const name of PUBLIC_NAMES) {
    expect(published.output).toContain(`${name}@${version}`);
    const doc = await registryDoc(name);
    expect(Object.keys(doc.versions)).toContain(version);
    expect(doc["dist-tags"]["latest"]).toBe(version);
  }
  // changeset publish tags the release: the next contract diff compares with this tag.
  expect(gitIn(ws)("tag", "--list").split("\n")).toEqual(expect.arrayContaining(PUBLIC_NAMES.map((n) => `${n}@${version}`)));
}

beforeAll(async () => {
  try {
    // Read pnpm's store before the npmrc is swapped for the temporary one.
    const store = (await runOk("pnpm", ["store", "path"], { cwd: REPO_ROOT, env: process.env })).stdout.trim();
    registry = await startRegistry(join(tmp, "registry"));
    const npmrc = join(tmp, "npmrc");
    writeNpmrc(npmrc, registry.url);
    env = commandEnv({ registryUrl: registry.url, npmrc, npmCache: join(tmp, "npm-cache"), pnpmStore: store });
    copyWorkspace(ws);
    // The workspace's own dev dependencies come from pnpm's local store, offline.
    await inWs("pnpm", ["install", "--frozen-lockfile", "--offline"], offline(env));
  } catch (e) {
    await registry?.stop();
    throw e;
  }
});

afterAll(async () => {
  try {
    await registry?.stop();
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

describe("release end to end: changeset, version, publish to a local Verdaccio, consume", () => {
  it("runs Verdaccio on 127.0.0.1 with no uplinks: a package it does not hold is a 404 at once", async () => {
    expect(registry!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect((await fetch(new URL("-/ping", registry!.url))).status).toBe(200);
    expect((await fetch(new URL("left-pad", registry!.url))).status).toBe(404);
    expect((await fetch(new URL("@org%2ferror-types", registry!.url))).status).toBe(404);
  });

  it("version step: one changeset bumps all four packages together, writes changelogs, regenerates CONTRACT_VERSION", async () => {
    const before = publicVersions(ws);
    writeChangeset(ws, "e2e-first-release", { "@org/error-types": "patch" }, "First release through the end-to-end test.");
    await inWs("pnpm", ["version-packages"], offline(env));
    const after = publicVersions(ws);
    v1 = after["@org/error-types"];
    expect(new Set(Object.values(after))).toEqual(new Set([v1]));
    expect(v1).not.toBe(before["@org/error-types"]);
    expect(generatedContractVersion(ws)).toBe(v1);
    for (const dir of Object.values(PUBLIC_PACKAGES)) expect(readFileSync(join(ws, dir, "CHANGELOG.md"), "utf8")).toContain(`## ${v1}`);
    expect(readFileSync(join(ws, "packages/error-types/CHANGELOG.md"), "utf8")).toContain("First release through the end-to-end test.");
    expect(existsSync(join(ws, ".changeset/e2e-first-release.md"))).toBe(false);
    // No schema change: the contract gate passes.
    await inWs("pnpm", ["--silent", "contract:check"]);
    commitAll(ws, "Version packages");
  });

  it("publish: the release build and the real `changeset publish` put all four packages on the registry", async () => {
    await buildAndPublish(v1);
    const server = await registryDoc("@org/error-server");
    // workspace:* became the exact version of the release.
    expect(server.versions[v1]?.dependencies).toEqual({ "@org/error-types": v1, "@org/error-validator": v1 });
  });

  it("a fresh consumer installs the packages from the local registry only, all at one version = CONTRACT_VERSION", async () => {
    initConsumer(consumer);
    await installConsumer(v1);
    const lock = installed();
    expect(Object.keys(lock).sort()).toEqual([...PUBLIC_NAMES].sort());
    for (const [name, info] of Object.entries(lock)) {
      expect(info.version, name).toBe(v1);
      expect(info.resolved.startsWith(registry!.url), `${name} from ${info.resolved}`).toBe(true);
    }
    const probe = await runOk(process.execPath, ["-e", 'const t = require("@org/error-types"); console.log(JSON.stringify({ v: t.CONTRACT_VERSION, codes: t.ERROR_CODES }))'], { cwd: consumer, env });
    const { v, codes } = JSON.parse(probe.stdout) as { v: string; codes: string[] };
    expect(v).toBe(v1);
    writeConsumerSources(consumer, codes);
  });

  it("node runs an ESM and a CommonJS file: server response -> validator (strict) -> client ApiError", async () => {
    const results = [];
    for (const file of ["src/round-trip.mjs", "src/round-trip.cjs"]) {
      const r = await runOk(process.execPath, [file], { cwd: consumer, env });
      results.push(JSON.parse(r.stdout));
    }
    expect(results[0]).toEqual({
      status: 404,
      contentType: expect.stringMatching(/^application\/json/),
      body: { error: { message: expect.any(String), type: "not_found_error", code: "model_not_found" } },
      strictValid: true,
      isApiError: true,
      clientCode: "model_not_found",
      clientStatus: 404,
      catalogStatus: 404,
      contractVersion: v1,
    });
    expect(results[1]).toEqual(results[0]);
  });

  it("tsc --noEmit passes for node16 (ESM .mts, CJS .cts, an exhaustive switch) and bundler", async () => {
    for (const config of ["node16", "bundler"]) {
      const r = await tsc(config);
      expect(r.code, `tsc -p tsconfig.${config}.json:\n${r.output}`).toBe(0);
    }
  });

  it("a misspelled code string does not compile", async () => {
    const r = await tsc("wrong");
    expect(r.code).not.toBe(0);
    expect(r.stdout).toMatch(/src\/wrong\.ts\(3,\d+\): error TS\d+: Type '"model_not_fund"' is not assignable to type 'ErrorCode'/);
    expect(r.stdout).toMatch(/src\/wrong\.ts\(4,\d+\): error TS\d+/);
  });

  it("adding a code: contract:diff says minor, contract:check demands a changeset that asks for minor", async () => {
    addCodeToSchema(ws, NEW_CODE);
    await inWs("pnpm", ["generate"], offline(env));
    const diff = JSON.parse((await inWs("pnpm", ["--silent", "contract:diff", "--json"])).stdout);
    expect(diff.base).toMatchObject({ ref: `@org/error-types@${v1}`, reason: "last release tag" });
    expect(diff.bump).toBe("minor");
    expect(diff.changes).toEqual([expect.objectContaining({ bump: "minor", file: "error-code.schema.json", message: expect.stringContaining(`code "${NEW_CODE.code}" added`) })]);
    expect((await inWs("pnpm", ["--silent", "contract:diff"])).stdout).toContain("required bump: minor");

    const none = await run("pnpm", ["--silent", "contract:check"], { cwd: ws, env });
    expect(none.code).not.toBe(0);
    expect(none.output).toContain("no changeset for the contract packages is pending");
    writeChangeset(ws, "e2e-new-code", { "@org/error-types": "patch" }, `Add the \`${NEW_CODE.code}\` code.`);
    const tooSmall = await run("pnpm", ["--silent", "contract:check"], { cwd: ws, env });
    expect(tooSmall.code).not.toBe(0);
    expect(tooSmall.output).toContain("ask for a patch release (.changeset/e2e-new-code.md)");
    writeChangeset(ws, "e2e-new-code", { "@org/error-types": "minor" }, `Add the \`${NEW_CODE.code}\` code.`);
    await inWs("pnpm", ["--silent", "contract:check"]);
  });

  it("version and publish again: all four move to the next minor together", async () => {
    await inWs("pnpm", ["version-packages"], offline(env));
    const versions = publicVersions(ws);
    v2 = versions["@org/error-types"];
    const [maj1, min1] = parse(v1);
    expect(parse(v2)).toEqual([maj1, min1 + 1, 0]);
    expect(new Set(Object.values(versions))).toEqual(new Set([v2]));
    expect(generatedContractVersion(ws)).toBe(v2);
    // The changeset is consumed; the gate still passes because the version step applied minor.
    await inWs("pnpm", ["--silent", "contract:check"]);
    commitAll(ws, "Version packages");
    await buildAndPublish(v2);
  });

  it("the upgraded consumer's exhaustive switch fails to type-check until the new code is handled", async () => {
    await installConsumer(v2);
    for (const [name, info] of Object.entries(installed())) expect(info.version, name).toBe(v2);
    const broken = await tsc("exhaustive");
    expect(broken.code).not.toBe(0);
    expect(broken.stdout).toMatch(new RegExp(`src/exhaustive\\.mts\\(\\d+,\\d+\\): error TS2322: Type '"${NEW_CODE.code}"' is not assignable to type 'never'`));

    const probe = await runOk(process.execPath, ["-e", 'console.log(JSON.stringify(require("@org/error-types").ERROR_CODES))'], { cwd: consumer, env });
    const codes = JSON.parse(probe.stdout) as string[];
    expect(codes).toContain(NEW_CODE.code);
    writeExhaustive(consumer, codes);
    for (const config of ["node16", "bundler"]) {
      const r = await tsc(config);
      expect(r.code, `tsc -p tsconfig.${config}.json:\n${r.output}`).toBe(0);
    }
    // And at run time the new code goes through the whole chain with its catalog status.
    const script = join(consumer, "src/new-code.mjs");
    writeFileSync(script, codeRoundTrip(NEW_CODE.code));
    const r = await runOk(process.execPath, [script], { cwd: consumer, env });
    expect(JSON.parse(r.stdout)).toEqual({ status: NEW_CODE.status, strictValid: true, clientCode: NEW_CODE.code, clientStatus: NEW_CODE.status });
  });
});
