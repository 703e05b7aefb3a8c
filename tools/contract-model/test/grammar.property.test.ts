import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findRepoRoot, readSchemaFiles, SchemaError, VOCABULARY } from "../src/index.js";
import type { JsonObject } from "../src/json.js";
import { checkNames } from "../src/strict/names.js";
import { readNames } from "../src/strict/read-rules.js";
import { readFacts } from "../src/strict/read-facts.js";

const FILES = readSchemaFiles(findRepoRoot(import.meta.url));
const SEED = 20261207;

/** An independent reading of the code grammar (`^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$`, at most 64): a character scan, no regular expression. */
function codeInGrammar(name: string): boolean {
  if ([...name].length === 0 || [...name].length > 64) return false;
  const lower = (c: string) => c >= "a" && c <= "z";
  const parts = name.split(":");
  return (
    parts.length <= 2 &&
    parts.every(
      (p) =>
        p.length > 0 && lower(p[0] as string) && [...p].every((c) => lower(c) || (c >= "0" && c <= "9") || c === "_"),
    )
  );
}

/** The same for member names: one part, no colon. */
const memberInGrammar = (name: string): boolean => !name.includes(":") && codeInGrammar(name);

/** Names a contract author could write: in the grammar, near it, and hostile (prototype keys, Markdown, HTML, URL escapes, long). */
const NAMES = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(..."abz"),
      fc.string({ unit: fc.constantFrom(..."az09_"), maxLength: 70 }),
      fc.option(fc.string({ unit: fc.constantFrom(..."a0_:"), minLength: 1, maxLength: 8 })),
    )
    .map(([head, body, tail]) => `${head}${body}${tail === null ? "" : `:${tail}`}`),
  fc.string({ unit: fc.constantFrom(..."az_:|<>&\"' \n%#/A-é0", "__proto__", "\u{1F600}"), maxLength: 12 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "a b",
    "a%20b",
    "a|b",
    "a:b:c",
    "a:",
    ":a",
    "a".repeat(64),
    "a".repeat(65),
  ),
);

/** Runs the strict name checks over a copy of the repository's schemas with `edit` applied; the SchemaError, or undefined. */
function namesError(edit: (s: typeof FILES) => void): SchemaError | undefined {
  const schemas = structuredClone(FILES);
  edit(schemas);
  const input = { schemas, vocabulary: VOCABULARY };
  const facts = readFacts(input, "/x-contract");
  try {
    checkNames(input, readNames(facts, VOCABULARY), facts["referenceUrl"] as string);
    return undefined;
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
}

describe("the contract's name grammars, against an independent reading", () => {
  it("a code is accepted exactly when it is in the code grammar; the error names the code's pointer", () => {
    fc.assert(
      fc.property(NAMES, (name) => {
        const error = namesError((s) => void (((s.code["anyOf"] as JsonObject[])[3] as JsonObject)["const"] = name));
        // A name already in the list is refused as a duplicate, whatever the grammar says.
        const taken = (FILES.code["anyOf"] as JsonObject[]).some((e, i) => i !== 3 && e["const"] === name);
        expect(error === undefined, JSON.stringify(name)).toBe(codeInGrammar(name) && !taken);
        if (error) expect(error.message).toMatch(/^schemas\/error-code\.schema\.json#\/anyOf\/3(\/const)?: /);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("an envelope member (strict or lenient) is accepted exactly when it is in the member grammar", () => {
    fc.assert(
      fc.property(NAMES, fc.boolean(), (name, strict) => {
        const error = namesError((s) => {
          const body = strict ? "ErrorBody" : "LenientErrorBody";
          const doc = strict ? s.envelope : s.lenient;
          const properties = ((doc["$defs"] as JsonObject)[body] as JsonObject)["properties"] as JsonObject;
          // defineProperty: an own member even for "__proto__", as JSON.parse makes it.
          Object.defineProperty(properties, name, {
            value: { type: "string" },
            enumerable: true,
            writable: true,
            configurable: true,
          });
        });
        const existing = ["message", "type", "code", "param", "request_id", "doc_url"].includes(name);
        expect(error === undefined, JSON.stringify(name)).toBe(existing || memberInGrammar(name));
        if (error) expect(error.pointer).toMatch(/^\/\$defs\/(Lenient)?ErrorBody\/properties\//);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
