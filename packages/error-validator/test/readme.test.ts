/// <reference types="node" />
import { readFileSync } from "node:fs";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

/**
 * Runs every ```ts example of the README against the package and compares what it prints
 * with its `// prints: ...` comments, so the README cannot drift from the code.
 */
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .filter((code) => code.includes("@org/error-validator"));

/** Transpiles one example to CommonJS and runs it with the package as `@org/error-validator`. */
function run(code: string): string[] {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const printed: string[] = [];
  const console = { log: (value: unknown) => printed.push(typeof value === "string" ? value : JSON.stringify(value)) };
  const require = (name: string): unknown => {
    if (name !== "@org/error-validator") throw new Error(`README example imports ${name}`);
    return api;
  };
  // Test-only: the examples are our own README, run to prove they are right.
  new Function("require", "exports", "console", js)(require, {}, console);
  return printed;
}

describe("README examples", () => {
  it("there are examples to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((code, i) => ({ i, code })))("example $i prints what its comments say", ({ code }) => {
    const expected = [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(0);
    expect(run(code)).toEqual(expected);
  });
});
