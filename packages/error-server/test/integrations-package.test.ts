import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Reads the built package (turbo runs `build` before `test`) and its package.json: a consumer
// that uses no integration must install and load no framework or observability package.
const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
  exports: Record<string, unknown>;
};

describe("integrations are optional peers behind their own subpaths", () => {
  it("runtime dependencies are @org packages only", () => {
    expect(Object.keys(pkg.dependencies).filter((name) => !name.startsWith("@org/"))).toEqual([]);
  });

  it("every peer dependency is optional (pnpm, npm and yarn install none of them for a consumer)", () => {
    expect(Object.keys(pkg.peerDependencies)).toEqual(expect.arrayContaining(["@nestjs/common", "@opentelemetry/api"]));
    for (const name of Object.keys(pkg.peerDependencies))
      expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
  });

  it("./nestjs is an explicit subpath (no wildcard exports)", () => {
    expect(Object.keys(pkg.exports)).toContain("./nestjs");
    expect(Object.keys(pkg.exports).filter((key) => key.includes("*"))).toEqual([]);
  });

  it("no built file imports anything but @org packages and node: modules", () => {
    const dist = join(root, "dist");
    const bare = new Set<string>();
    for (const file of readdirSync(dist).filter((f) => /\.(c?js)$/.test(f))) {
      const text = readFileSync(join(dist, file), "utf8");
      for (const [, spec] of text.matchAll(/(?:from\s+|import\(\s*|require\(\s*)["']([^"'./][^"']*)["']/g))
        bare.add(spec as string);
    }
    expect([...bare].filter((spec) => !spec.startsWith("@org/") && !spec.startsWith("node:"))).toEqual([]);
  });

  it("@org/error-server/nestjs loads from require and import with the same exports, without Nest loaded", async () => {
    const cjs = require("@org/error-server/nestjs") as Record<string, unknown>;
    const esm = (await import(join(root, "dist", "nestjs.js"))) as Record<string, unknown>;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(cjs)).toEqual(
      expect.arrayContaining(["ContractExceptionFilter", "fromNestException", "validationExceptionFactory"]),
    );
    const loaded = Object.keys(require.cache).filter((path) => /[\\/]@nestjs[\\/]/.test(path));
    expect(loaded).toEqual([]);
  });
});
