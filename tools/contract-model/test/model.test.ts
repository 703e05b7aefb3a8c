import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createStrictAjv,
  findRepoRoot,
  isJsonObject,
  METADATA_KEYWORDS,
  PACKAGES,
  SCHEMA_FILES,
  schemaBody,
} from "../src/index.js";

describe("@org/contract-model", () => {
  it("finds the repository root from a file URL or a path inside it, and names the schema files and packages there", () => {
    const root = findRepoRoot(import.meta.url);
    expect(findRepoRoot(join(root, "tools", "codegen", "src"))).toBe(root);
    for (const file of Object.values(SCHEMA_FILES)) expect(existsSync(join(root, "schemas", file)), file).toBe(true);
    for (const pkg of Object.values(PACKAGES))
      expect(existsSync(join(root, pkg.dir, "package.json")), pkg.dir).toBe(true);
  });

  it("throws, naming the start, outside any repository", () => {
    const dir = mkdtempSync(join(tmpdir(), "contract-model-"));
    try {
      expect(() => findRepoRoot(dir)).toThrow(/no error-contract repository root at or above/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the strict ajv knows the metadata vocabulary and still rejects unknown keywords", () => {
    const ajv = createStrictAjv();
    const schema = Object.fromEntries(METADATA_KEYWORDS.map((k) => [k, {}]));
    expect(() => ajv.compile({ type: "string", ...schema })).not.toThrow();
    expect(() => createStrictAjv().compile({ type: "string", "x-unknown": 1 })).toThrow(/unknown keyword/);
  });

  it.each([
    { given: {}, want: true },
    { given: [], want: false },
    { given: null, want: false },
    { given: "x", want: false },
  ])("isJsonObject($given) -> $want", ({ given, want }) => expect(isJsonObject(given)).toBe(want));

  it("schemaBody drops the file-level keywords only", () => {
    expect(schemaBody({ $schema: "s", $id: "i", $defs: {}, title: "T", type: "object" })).toEqual({
      title: "T",
      type: "object",
    });
  });
});
