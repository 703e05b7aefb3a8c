import { readFileSync } from "node:fs";
import * as types from "@org/error-types";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import { runExample } from "./run-example.js";

// The repository README's "Dialects" example, run as written against the packages.
const README = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
const block = [...README.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .find((code) => code.includes("validateErrorBody") && code.includes("DIALECTS"));

const run = (code: string): string[] => runExample(code, { "@org/error-types": types, "@org/error-validator": api });

describe("the repository README's Dialects example", () => {
  it("prints what its comments say", () => {
    expect(block).toBeDefined();
    const expected = [...(block ?? "").matchAll(/\/\/ prints: (.*)$/gm)].map((m) => m[1]);
    expect(expected).toHaveLength(3);
    expect(run(block ?? "")).toEqual(expected);
  });
});
