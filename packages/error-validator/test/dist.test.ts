/// <reference types="node" />
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type * as Api from "../src/index.js";

// The published files, as built by tsup (turbo runs this package's build before its tests).
const pkgRoot = fileURLToPath(new URL("..", import.meta.url));
const built = { esm: `${pkgRoot}dist/index.js`, cjs: `${pkgRoot}dist/index.cjs` } as const;
const ALLOWED = ["@org/error-types"];

function source(file: string): string {
  expect(existsSync(file), `${file} is missing: run \`pnpm --filter @org/error-validator build\` first`).toBe(true);
  return readFileSync(file, "utf8");
}

/** Every module the code loads: static imports and re-exports, import(), require(). */
function moduleSpecifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g,
    /\bexport\s*[\w$*{}\s,]*?\s*from\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*([^)]*?)\s*\)/g,
    /\brequire\s*\(\s*([^)]*?)\s*\)/g,
  ];
  for (const pattern of patterns)
    for (const match of code.matchAll(pattern)) found.push((match[1] ?? "").replace(/^["'`]|["'`]$/g, ""));
  return found;
}

describe("the import detector", () => {
  // given: code; want: the modules it loads (so a miss here cannot hide an ajv import below)
  it.each([
    { code: 'const u = require("ajv/dist/runtime/ucs2length").default;', want: ["ajv/dist/runtime/ucs2length"] },
    { code: "var a = require( 'ajv' );", want: ["ajv"] },
    { code: 'import Ajv from "ajv";', want: ["ajv"] },
    { code: 'import { a as b, c } from "ajv/dist/2020.js";', want: ["ajv/dist/2020.js"] },
    { code: 'import * as ns from "ajv";', want: ["ajv"] },
    { code: 'import "ajv";', want: ["ajv"] },
    { code: 'export { x } from "ajv";', want: ["ajv"] },
    { code: 'export * from "ajv";', want: ["ajv"] },
    { code: 'const m = await import("ajv");', want: ["ajv"] },
    { code: "const m = await import(name);", want: ["name"] },
    { code: 'var t = require("@org/error-types");', want: ["@org/error-types"] },
  ])("$code", ({ code, want }) => {
    expect(moduleSpecifiers(code)).toEqual(want);
  });
});

describe.each(Object.entries(built))("the built %s file", (_format, file) => {
  const code = source(file);

  it("loads nothing but @org/error-types (no ajv, no ajv runtime helpers, no node: modules)", () => {
    const specifiers = moduleSpecifiers(code);
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((s) => !ALLOWED.includes(s))).toEqual([]);
  });

  it("never compiles code at run time (CSP-safe: no eval, no new Function)", () => {
    expect(code).not.toMatch(/\beval\s*\(/);
    expect(code).not.toMatch(/\bnew\s+Function\b/);
    expect(code).not.toMatch(/\bFunction\s*\(/);
    expect(code).not.toMatch(/\bset(?:Timeout|Interval)\s*\(\s*["'`]/);
  });
});

describe("the built files work", () => {
  const requireBuilt = createRequire(built.cjs);
  const cjs = () => requireBuilt(built.cjs) as typeof Api;
  const esm = () => import(pathToFileURL(built.esm).href) as Promise<typeof Api>;

  it("ESM and CJS export the same API", async () => {
    const [m, c] = [await esm(), cjs()];
    expect(Object.keys(m).sort()).toEqual(Object.keys(c).sort());
    expect(Object.keys(m).sort()).toEqual(
      [
        "DEFAULT_MAX_JSON_LENGTH",
        "ErrorEnvelopeValidationError",
        "MAX_MESSAGE_LENGTH",
        "MAX_MESSAGE_SCHEMA_LENGTH",
        "assertErrorEnvelope",
        "errorEnvelopeSchema",
        "isErrorBody",
        "isErrorEnvelope",
        "isErrorEnvelopeValidationError",
        "isLenientErrorEnvelope",
        "lenientErrorEnvelopeSchema",
        "parseErrorEnvelope",
        "validateErrorBody",
        "validateErrorEnvelope",
      ].sort(),
    );
  });

  it.each(["esm", "cjs"] as const)("%s: validates in both modes", async (format) => {
    const api = format === "esm" ? await esm() : cjs();
    const envelope = {
      error: { message: "No such model", type: "not_found_error", code: "model_not_found", param: "model" },
    };
    expect(api.validateErrorEnvelope(envelope, { mode: "strict" })).toEqual({ ok: true, value: envelope });
    expect(api.validateErrorEnvelope({ error: { message: "m", code: 42 } })).toMatchObject({ ok: true });
    expect(api.parseErrorEnvelope('\uFEFF{"error":{"message":"m"}}')).toMatchObject({ ok: true });
    expect(api.isErrorEnvelope(envelope)).toBe(true);
    expect(api.isErrorEnvelope({ error: { ...envelope.error, extra: 1 } })).toBe(false);
    expect(api.isLenientErrorEnvelope({ error: { message: "m", code: 42, extra: true } })).toBe(true);
    expect(api.isLenientErrorEnvelope({ error: { code: 42 } })).toBe(false);
    expect(
      api.validateErrorEnvelope({
        error: { ...envelope.error, message: "m".repeat(api.MAX_MESSAGE_SCHEMA_LENGTH + 1) },
      }),
    ).toMatchObject({ ok: false, issues: [{ keyword: "maxLength" }] });
  });

  it("an error thrown by the CJS build is recognised by the ESM guard (two copies, one contract)", async () => {
    const m = await esm();
    const c: typeof Api = cjs();
    let thrown: unknown;
    try {
      c.assertErrorEnvelope({});
    } catch (e) {
      thrown = e;
    }
    expect(thrown).not.toBeInstanceOf(m.ErrorEnvelopeValidationError);
    expect(m.isErrorEnvelopeValidationError(thrown)).toBe(true);
  });
});

describe("the package manifest", () => {
  it("has no runtime dependency besides @org/error-types", () => {
    const pkg = JSON.parse(source(`${pkgRoot}package.json`)) as Record<string, Record<string, string> | undefined>;
    expect(Object.keys(pkg["dependencies"] ?? {})).toEqual(["@org/error-types"]);
    expect(pkg["peerDependencies"]).toBeUndefined();
    expect(pkg["optionalDependencies"]).toBeUndefined();
  });
});
