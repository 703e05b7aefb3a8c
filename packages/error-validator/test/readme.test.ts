/// <reference types="node" />
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import { runExample } from "./run-example.js";

/**
 * Runs every ```ts example of the README against the package and compares what it prints
 * with its `// prints: ...` comments, so the README cannot drift from the code.
 */
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .filter((code) => code.includes("@org/error-validator"));

const run = (code: string): string[] => runExample(code, { "@org/error-validator": api });

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
