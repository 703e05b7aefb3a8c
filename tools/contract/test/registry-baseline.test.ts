import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commandEnv, writeNpmrc } from "@org/release-e2e/src/env.js";
import { type LocalRegistry, startRegistry } from "@org/release-e2e/src/registry.js";
import { runOk } from "@org/release-e2e/src/run.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePackageSpec } from "../src/registry.js";
import { FIXTURE_DIR } from "./fixtures.js";
import { removeTemplates, runCli, type TempRepo, tempRepo } from "./temp-repo.js";

// --base <package>@<version>: the schemas inside a published @org/error-types, fetched with
// `npm pack` from the registry npm is configured with, here a local Verdaccio on 127.0.0.1.
describe("--base @org/error-types@<version> against a local registry", () => {
  let dir: string;
  let registry: LocalRegistry;
  let repo: TempRepo;
  const saved: Record<string, string | undefined> = {};
  const NPM_VARS = ["npm_config_registry", "npm_config_userconfig", "npm_config_cache"];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "contract-registry-"));
    registry = await startRegistry(join(dir, "verdaccio"));
    const npmrc = join(dir, "npmrc");
    writeNpmrc(npmrc, registry.url);
    const env = commandEnv({
      registryUrl: registry.url,
      npmrc,
      npmCache: join(dir, "npm-cache"),
      pnpmStore: join(dir, "store"),
    });
    // A published 1.0.0 whose schemas are the fixture's: the package layout is what matters (package/schemas/*.json).
    const pkg = join(dir, "pkg");
    mkdirSync(pkg);
    cpSync(FIXTURE_DIR, join(pkg, "schemas"), { recursive: true });
    writeFileSync(
      join(pkg, "package.json"),
      JSON.stringify({ name: "@org/error-types", version: "1.0.0", files: ["schemas"] }),
    );
    await runOk("npm", ["publish", "--ignore-scripts"], { cwd: pkg, env, timeoutMs: 60_000 });
    // The CLI runs in this process: point npm at the registry the way a developer's config would.
    for (const key of NPM_VARS) saved[key] = process.env[key];
    Object.assign(process.env, {
      npm_config_registry: env["npm_config_registry"],
      npm_config_userconfig: npmrc,
      npm_config_cache: join(dir, "npm-cache"),
    });
    repo = tempRepo();
  }, 90_000);

  afterAll(async () => {
    for (const key of NPM_VARS)
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before assigning it
    repo?.remove();
    removeTemplates();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before assigning it
    await registry?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("compares the working tree with the published schemas", async () => {
    repo.editSchema("error-code.schema.json", (s) => (s.anyOf[4]["x-error"].status = 409));
    const r = await runCli(["diff", "--base", "@org/error-types@1.0.0", "--format", "json"], repo.root);
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.base).toEqual({
      ref: "@org/error-types@1.0.0",
      commit: null,
      reason: "published package",
      version: "1.0.0",
    });
    expect(report.changes.map((c: { rule: string; subject: string }) => [c.rule, c.subject])).toEqual([
      ["code-status-changed", "model_price_error"],
    ]);
  });

  it("the check counts the version step from the published version (1.0.0 -> 2.0.0 covers a major change)", async () => {
    repo.write("packages/error-types/package.json", JSON.stringify({ name: "@org/error-types", version: "2.0.0" }));
    const r = await runCli(["check", "--base", "npm:@org/error-types@1.0.0"], repo.root);
    expect(r.stdout).toContain("version step applied: major (1.0.0 -> 2.0.0)");
    expect(r.code).toBe(0);
  });

  it("a version the registry does not have is a clear error, exit 2", async () => {
    const r = await runCli(["diff", "--base", "@org/error-types@9.9.9"], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot fetch @org/error-types@9.9.9 from the configured registry (npm pack)");
  });
});

describe("parsePackageSpec", () => {
  it.each([
    ["@org/error-types@1.0.0", { name: "@org/error-types", version: "1.0.0" }],
    ["error-types@2.1.0-rc.1", { name: "error-types", version: "2.1.0-rc.1" }],
    ["@org/error-types@^1.0.0", undefined],
    ["@org/error-types@latest", undefined],
    ["@org/error-types", undefined],
    ["main", undefined],
  ])("%s", (text, want) => expect(parsePackageSpec(text)).toEqual(want));
});
