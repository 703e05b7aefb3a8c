import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import pkg from "../package.json" with { type: "json" };

/**
 * Runs every ```ts example of the README against the package and compares what it prints
 * with its `// prints: ...` comments, so the README cannot drift from the code.
 */
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");

/** `@org/error-types/<subpath>` -> the file the package's exports map names. */
function subpath(name: string): unknown {
  const target = (pkg.exports as Record<string, unknown>)[`.${name.slice("@org/error-types".length)}`];
  if (typeof target !== "string" || !target.endsWith(".json")) throw new Error(`README example imports ${name}`);
  return JSON.parse(readFileSync(new URL(`../${target}`, import.meta.url), "utf8"));
}

/** Transpiles one example to CommonJS and runs it with the package as `@org/error-types`. */
function run(code: string): string[] {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
  const printed: string[] = [];
  const console = { log: (value: unknown) => printed.push(typeof value === "string" ? value : JSON.stringify(value)) };
  const require = (name: string): unknown =>
    name === "@org/error-types" ? api : { default: subpath(name), __esModule: true };
  // Test-only: the examples are our own README, run to prove they are right.
  new Function("require", "exports", "console", js)(require, {}, console);
  return printed.map(String);
}

describe("README", () => {
  it("has examples to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((code, i) => ({ i, code })))("example $i prints what its comments say", ({ code }) => {
    const expected = [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(0);
    expect(run(code)).toEqual(expected);
  });

  it.each(Object.keys(api))("shows %s in an example", (name) => {
    expect(examples.some((code) => new RegExp(`\\b${name}\\b`).test(code))).toBe(true);
  });

  it.each(Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json"))(
    "names the subpath %s",
    (key) => {
      expect(readme).toContain(`@org/error-types${key.slice(1)}`);
    },
  );
});
