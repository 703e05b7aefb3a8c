import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateAll } from "../src/generate.js";
import { OUT } from "../src/layout.js";
import { REPO_ROOT, runCli, tempRepo } from "./temp-repo.js";

describe("generate and check:generated", () => {
  let repo: ReturnType<typeof tempRepo>;
  beforeEach(async () => {
    repo = tempRepo();
    expect((await runCli(["generate", "--root", repo.root])).code).toBe(0);
  });
  afterEach(() => repo.remove());

  it("is deterministic: a second generate writes nothing and check is clean", async () => {
    const again = await runCli(["generate", "--root", repo.root]);
    expect(again.stdout).toMatch(/files up to date/);
    const check = await runCli(["check", "--root", repo.root]);
    expect(check.code).toBe(0);
  });

  it("the committed output in this repository matches the schemas", async () => {
    const files = await generateAll(REPO_ROOT);
    for (const [path, content] of files) expect(readFileSync(join(REPO_ROOT, path), "utf8"), path).toBe(content);
  });

  it.each([OUT.catalog, OUT.docs, OUT.validatorsJs, OUT.openapi, OUT.schemaCopy("error-code.schema.json")])(
    "fails, naming the file, when %s is edited by hand",
    async (path) => {
      appendFileSync(join(repo.root, path), "\n// hand edit\n");
      const check = await runCli(["check", "--root", repo.root]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain(`differs ${path}`);
      expect(check.stderr).toContain("pnpm generate");
    },
  );

  it("fails when a generated file is missing or a stale one is left behind", async () => {
    rmSync(join(repo.root, OUT.types));
    writeFileSync(join(repo.root, "packages/error-types/src/generated/old.ts"), "export {};\n");
    const check = await runCli(["check", "--root", repo.root]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`missing ${OUT.types}`);
    expect(check.stderr).toContain("stale   packages/error-types/src/generated/old.ts");
  });

  it("fails when the schema changed but the output was not regenerated", async () => {
    const file = join(repo.root, "schemas/error-code.schema.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"Contact support"', '"Contact the support team"'));
    const check = await runCli(["check", "--root", repo.root]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`differs ${OUT.catalog}`);
    expect(check.stderr).toContain(`differs ${OUT.docs}`);
  });

  it("rejects unknown commands and arguments with usage", async () => {
    expect((await runCli(["frobnicate"])).code).toBe(2);
    const bad = await runCli(["check", "--nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("usage:");
  });
});
