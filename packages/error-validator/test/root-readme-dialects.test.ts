import { readFileSync } from "node:fs";
import * as types from "@org/error-types";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

// The repository README's "Dialects" example, run as written against the packages.
const README = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const block = [...README.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .find((code) => code.includes("validateErrorBody") && code.includes("DIALECTS"));

function run(code: string): string[] {
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const printed: string[] = [];
  const console = { log: (value: unknown) => printed.push(typeof value === "string" ? value : JSON.stringify(value)) };
  const modules: Record<string, unknown> = { "@org/error-types": types, "@org/error-validator": api };
  const require = (name: string): unknown => {
    if (!(name in modules)) throw new Error(`README example imports ${name}`);
    return modules[name];
  };
  // Test-only: the example is our own README, run to prove it is right.
  new Function("require", "exports", "console", js)(require, {}, console);
  return printed;
}

describe("the repository README's Dialects example", () => {
  it("prints what its comments say", () => {
    expect(block).toBeDefined();
    const expected = [...(block ?? "").matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]);
    expect(expected).toHaveLength(3);
    expect(run(block ?? "")).toEqual(expected);
  });
});
