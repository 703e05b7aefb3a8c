import codeSchema from "@org/error-types/schemas/error-code.schema.json";
import strictSchema from "@org/error-types/schemas/error-envelope.schema.json";
import lenientSchema from "@org/error-types/schemas/error-envelope.lenient.schema.json";
import typeSchema from "@org/error-types/schemas/error-type.schema.json";
import { ERROR_CATALOG, ERROR_CODES, ERROR_TYPES } from "@org/error-types";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import { METADATA_KEYWORDS } from "@org/contract-model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertErrorEnvelope,
  isErrorEnvelope,
  isErrorEnvelopeValidationError,
  isLenientErrorEnvelope,
  MAX_MESSAGE_LENGTH,
  parseErrorEnvelope,
  type ValidationIssue,
  type ValidationMode,
  validateErrorEnvelope,
} from "../src/index.js";

/**
 * ajv compiling the untouched source schemas at run time, with the options codegen checks
 * them with (tools/codegen/src/load.ts createStrictAjv). The generated validators come from a
 * rewritten "validation view" of these schemas; this is the check that the rewrite kept
 * their meaning.
 */
function runtimeAjv(): Record<ValidationMode, (data: unknown) => { ok: boolean; errors: ErrorObject[] }> {
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    unicode: false,
    logger: {
      log: () => undefined,
      // `unicode: false` is deprecated in ajv 8 on purpose; any other warning fails the test.
      warn: (...args: unknown[]) => {
        if (!args.join(" ").includes("option unicode")) throw new Error(`ajv: ${args.join(" ")}`);
      },
      error: (...args: unknown[]) => {
        throw new Error(`ajv: ${args.join(" ")}`);
      },
    },
  });
  ajv.addVocabulary([...METADATA_KEYWORDS]);
  ajv.addSchema(codeSchema).addSchema(typeSchema);
  const compiled = { strict: ajv.compile(strictSchema), lenient: ajv.compile(lenientSchema) };
  const run = (mode: ValidationMode) => (data: unknown) => {
    const validate = compiled[mode];
    return { ok: validate(data), errors: validate.errors ?? [] };
  };
  return { strict: run("strict"), lenient: run("lenient") };
}

// --- the corpus: near-valid envelopes, their mutations, and arbitrary JSON -------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const AT_CAP = "m".repeat(MAX_MESSAGE_LENGTH);
const OVER_CAP = `${AT_CAP}m`;
const FIELDS = ["message", "type", "code", "param"] as const;

const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
/** Values a member is likely to be replaced with: catalog values, near misses, wrong types. */
const memberValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...ERROR_CODES, ...ERROR_TYPES, null, "", 0, 404, -1.5, true, [], {}, AT_CAP, OVER_CAP),
  fc.constantFrom(...ERROR_CODES).map((c): Json => c.toUpperCase()),
  fc.constantFrom(...ERROR_CODES).map((c): Json => c.replace("channel:", "")),
  fc.constantFrom(...ERROR_CODES).map((c): Json => `${c} `),
  fc.string(),
  fc.double(),
  anyJson,
);
const validEnvelope = fc
  .record({
    code: fc.constantFrom(...ERROR_CODES, null),
    type: fc.constantFrom(...ERROR_TYPES),
    message: fc.string(),
    param: fc.option(fc.string()),
    withParam: fc.boolean(),
  })
  .map(({ code, type, message, param, withParam }): { error: Record<string, Json> } => ({
    error: { message, type: code === null ? type : ERROR_CATALOG[code].type, code, ...(withParam ? { param } : {}) },
  }));

type Mutation = (envelope: { [key: string]: Json }) => void;
const body = (e: { [key: string]: Json }): { [key: string]: Json } | undefined => {
  const b = e["error"];
  return typeof b === "object" && b !== null && !Array.isArray(b) ? b : undefined;
};
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...FIELDS).map(
    (f): Mutation =>
      (e) =>
        void delete body(e)?.[f],
  ),
  fc.tuple(fc.constantFrom(...FIELDS), memberValue).map(([f, v]): Mutation => (e) => {
    const b = body(e);
    if (b) b[f] = v;
  }),
  fc.tuple(fc.string(), anyJson).map(([k, v]): Mutation => (e) => {
    const b = body(e);
    if (b) Object.defineProperty(b, k, { value: v, enumerable: true, writable: true, configurable: true });
  }),
  fc.tuple(fc.string(), anyJson).map(
    ([k, v]): Mutation =>
      (e) =>
        void Object.defineProperty(e, k, { value: v, enumerable: true, writable: true, configurable: true }),
  ),
  fc.oneof(anyJson, memberValue).map(
    (v): Mutation =>
      (e) =>
        void (e["error"] = v),
  ),
  fc.constant<Mutation>((e) => void delete e["error"]),
);
const mutated = fc.tuple(validEnvelope, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([e, ms]): Json => {
  const copy = structuredClone(e) as { [key: string]: Json };
  for (const m of ms) m(copy);
  return copy;
});
const corpusArbitrary = fc.oneof(
  { weight: 3, arbitrary: validEnvelope as fc.Arbitrary<Json> },
  { weight: 5, arbitrary: mutated },
  { weight: 1, arbitrary: fc.record({ error: anyJson }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: anyJson },
);

const CORPUS_SIZE = 12_000;
const corpus: Json[] = fc.sample(corpusArbitrary, { seed: 0x5eed_e11, numRuns: CORPUS_SIZE });

/** The ajv instance path an issue belongs to: `required` / `additionalProperties` name the member, ajv its parent. */
const ajvPathOf = (issue: ValidationIssue): string =>
  issue.keyword === "required" || issue.keyword === "additionalProperties"
    ? issue.path.slice(0, issue.path.lastIndexOf("/"))
    : issue.path;

describe("precompiled validators agree with ajv on the untouched source schemas", () => {
  const ajv = runtimeAjv();

  it(`the corpus has ${CORPUS_SIZE} values, with plenty accepted and rejected in each mode`, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(10_000);
    for (const mode of ["strict", "lenient"] as const) {
      const accepted = corpus.filter((v) => ajv[mode](v).ok).length;
      expect(accepted / corpus.length).toBeGreaterThan(0.2);
      expect(accepted / corpus.length).toBeLessThan(0.8);
    }
    // The boundary of the message cap is in it, on both sides.
    expect(corpus.some((v) => JSON.stringify(v).includes(`"${OVER_CAP}"`))).toBe(true);
  });

  it.each(["strict", "lenient"] as const)(
    "%s: same verdict on every value, and the issue points where ajv found a problem",
    (mode) => {
      const disagreements: { value: string; ajv: boolean; ours: boolean }[] = [];
      const misplaced: { value: string; issue: ValidationIssue; ajvPaths: string[] }[] = [];
      for (const value of corpus) {
        const expected = ajv[mode](value);
        const actual = validateErrorEnvelope(value, { mode });
        if (actual.ok !== expected.ok)
          disagreements.push({ value: JSON.stringify(value).slice(0, 300), ajv: expected.ok, ours: actual.ok });
        // The boolean guards must agree too: they are generated separately from the validators.
        const guard = mode === "strict" ? isErrorEnvelope : isLenientErrorEnvelope;
        if (guard(value) !== expected.ok)
          disagreements.push({ value: JSON.stringify(value).slice(0, 300), ajv: expected.ok, ours: !expected.ok });
        if (!actual.ok && !expected.ok) {
          const issue = actual.issues[0] as ValidationIssue;
          const ajvPaths = expected.errors.map((e) => e.instancePath);
          if (!ajvPaths.includes(ajvPathOf(issue)))
            misplaced.push({ value: JSON.stringify(value).slice(0, 300), issue, ajvPaths });
        }
      }
      expect(disagreements.slice(0, 5)).toEqual([]);
      expect(misplaced.slice(0, 5)).toEqual([]);
    },
  );

  /** assertErrorEnvelope's verdict and the issues it carries (undefined when it did not throw). */
  const asserted = (value: unknown): readonly ValidationIssue[] | undefined => {
    try {
      assertErrorEnvelope(value);
      return undefined;
    } catch (e) {
      if (!isErrorEnvelopeValidationError(e)) throw e;
      return e.issues;
    }
  };

  it.each(["strict", "lenient"] as const)(
    "%s: parseErrorEnvelope on the JSON text agrees with ajv on the parsed text",
    (mode) => {
      const disagreements: { value: string; ajv: boolean; ours: boolean }[] = [];
      for (const value of corpus) {
        const text = JSON.stringify(value);
        const expected = ajv[mode](JSON.parse(text));
        const actual = parseErrorEnvelope(text, { mode });
        // The issues are part of the verdict: a failed parse must carry at least one.
        const ours = actual.ok || actual.issues.length === 0;
        if (ours !== expected.ok) disagreements.push({ value: text.slice(0, 300), ajv: expected.ok, ours });
      }
      expect(disagreements.slice(0, 5)).toEqual([]);
    },
  );

  it("assertErrorEnvelope throws exactly when strict ajv rejects, with strict validation's issues", () => {
    const disagreements: { value: string; ajv: boolean; issues: readonly ValidationIssue[] | undefined }[] = [];
    for (const value of corpus) {
      const expected = ajv.strict(value);
      const issues = asserted(value);
      const strict = validateErrorEnvelope(value, { mode: "strict" });
      const sameIssues =
        issues === undefined ? strict.ok : !strict.ok && JSON.stringify(issues) === JSON.stringify(strict.issues);
      if ((issues === undefined) !== expected.ok || !sameIssues)
        disagreements.push({ value: JSON.stringify(value).slice(0, 300), ajv: expected.ok, issues });
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
  });
});
