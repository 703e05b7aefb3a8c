import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// These tests read the built package (turbo runs `build` before `test`), resolved through
// its own `exports` map the way a user's `require` and `import` would.
const require = createRequire(import.meta.url);
const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const SUBPATHS = ["", "/node", "/fetch", "/express", "/fastify"];

describe("dual ESM + CJS build", () => {
  it.each(SUBPATHS)("@org/error-server%s has the same exports from require and import", async (subpath) => {
    const specifier = `@org/error-server${subpath}`;
    const cjs = require(specifier) as Record<string, unknown>;
    const esm = (await import(require.resolve(specifier).replace(/\.cjs$/, ".js"))) as Record<string, unknown>;
    expect(require.resolve(specifier)).toMatch(/\.cjs$/);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(cjs).length).toBeGreaterThan(0);
  });

  it("a ContractError from the CJS build is one for the ESM build and the adapters", async () => {
    const cjs = require("@org/error-server") as typeof import("../src/index.js");
    const esm = (await import(join(dist, "index.js"))) as typeof import("../src/index.js");
    const express = require("@org/error-server/express") as typeof import("../src/adapters/express/index.js");
    const error = cjs.createError("model_not_found");
    expect(esm.isContractError(error)).toBe(true);
    expect(esm.toErrorResponse(error, { onError: () => undefined }).status).toBe(404);
    expect(express.fromExpressError(error)).toBe(error);
  });

  it.each(["index.js", "fetch.js"])("the framework-free entry %s pulls in no node: module", (entry) => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(dist, file), "utf8");
      expect(text).not.toMatch(/["']node:|require\(/);
      for (const [, chunk] of text.matchAll(/from\s+["']\.\/([^"']+)["']/g)) visit(chunk as string);
    };
    visit(entry);
    expect(seen.size).toBeGreaterThan(1);
  });
});
