import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  errorEnvelopeSchema,
  lenientErrorEnvelopeSchema,
  parseErrorEnvelope,
  type ValidationIssue,
  type ValidationMode,
  validateErrorEnvelope,
} from "../src/index.js";
import { cornerArbitrary, corpusArbitrary, type Json, OVER_CAP } from "./corpus.js";
import { agree, answers } from "./entry-points.js";
import { FUZZ_RUNS, seedOf } from "./fuzz.js";
import { ajvDefault, ajvProject, type Oracle, pythonUnavailable, pythonVerdicts } from "./oracles.js";

/**
 * Every validator entry point (validate, parse, the guards, assert, both Standard Schema
 * objects) against three independent readings of the published schema: ajv with its default
 * options, ajv as the project configures it, and Python's jsonschema. `pnpm test` runs a fixed
 * corpus; `pnpm fuzz` (FUZZ_RUNS=...) a larger one from a fresh seed (printed).
 */
const RUNS = FUZZ_RUNS ?? 12_000;
const SEED = seedOf(0x5eed_e11);
const corpus: Json[] = [
  ...fc.sample(corpusArbitrary, { seed: SEED, numRuns: RUNS }),
  ...fc.sample(cornerArbitrary, { seed: SEED + 1, numRuns: Math.max(300, Math.round(RUNS / 20)) }),
];
const MODES = ["strict", "lenient"] as const;

/** The ajv instance path an issue belongs to: `required` / `additionalProperties` name the member, ajv its parent. */
const ajvPathOf = (issue: ValidationIssue): string =>
  issue.keyword === "required" || issue.keyword === "additionalProperties"
    ? issue.path.slice(0, issue.path.lastIndexOf("/"))
    : issue.path;

const show = (value: unknown): string => JSON.stringify(value).slice(0, 300);

describe.each([
  { oracle: "ajv with default options", make: ajvDefault },
  { oracle: "ajv with the project's options", make: ajvProject },
])("every entry point agrees with $oracle on the published schema", ({ make }) => {
  let ajv: Oracle;
  beforeAll(() => {
    ajv = make();
  });

  it(`the corpus (seed ${SEED}) has ${corpus.length} values, plenty accepted and rejected, and both sides of each cap`, () => {
    for (const mode of MODES) {
      const accepted = corpus.filter((v) => ajv[mode](v).ok).length;
      expect(accepted / corpus.length).toBeGreaterThan(0.2);
      expect(accepted / corpus.length).toBeLessThan(0.8);
    }
    expect(corpus.some((v) => JSON.stringify(v).includes(`"${OVER_CAP}"`))).toBe(true);
    const astral = corpus.filter((v) => JSON.stringify(v).includes("\u{1F525}".repeat(30_000)));
    expect(astral.filter((v) => ajv.strict(v).ok).length).toBeGreaterThan(5);
    expect(astral.filter((v) => !ajv.strict(v).ok).length).toBeGreaterThan(5);
  });

  it.each(MODES)("%s: the same verdict on every entry point, and the issue where ajv found a problem", (mode) => {
    const wrong: { value: string; ajv: boolean; ours: unknown }[] = [];
    const misplaced: { value: string; issue: ValidationIssue; ajvPaths: string[] }[] = [];
    for (const value of corpus) {
      const expected = ajv[mode](value);
      const ours = answers(value, mode);
      const parsed = parseErrorEnvelope(JSON.stringify(value), { mode });
      if (!agree(ours) || ours.validate !== expected.ok || parsed.ok !== expected.ok)
        wrong.push({ value: show(value), ajv: expected.ok, ours: { ...ours, parse: parsed.ok } });
      const result = validateErrorEnvelope(value, { mode });
      if (!result.ok && !expected.ok) {
        const issue = result.issues[0] as ValidationIssue;
        // ajv's default stops at its first error, which need not be ours: only the project's lists all.
        const ajvPaths = expected.errors.map((e) => e.instancePath);
        if (expected.errors.length > 1 && !ajvPaths.includes(ajvPathOf(issue)))
          misplaced.push({ value: show(value), issue, ajvPaths });
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(misplaced.slice(0, 5)).toEqual([]);
  });
});

/**
 * Where Python's `re` and ECMAScript differ on the schema's one pattern: Python's `$` also
 * matches before a final line feed, so `"https://a\n"` matches there. JSON Schema patterns are
 * ECMA-262; ajv and this package follow it. And a JSON number too large for a double (1e400) is
 * Infinity in both languages; jsonschema counts it a number, ajv and this package do not (the
 * issue says it overflowed). The corpus is JSON.stringify output, so it has no such number.
 */
function knownPythonDifference(value: Json): boolean {
  const body = typeof value === "object" && value !== null && !Array.isArray(value) ? value["error"] : undefined;
  const url = typeof body === "object" && body !== null && !Array.isArray(body) ? body["doc_url"] : undefined;
  return typeof url === "string" && url.endsWith("\n") && /^https?:\/\/[!-~]+$/u.test(url.slice(0, -1));
}

const python = pythonUnavailable();
if (python !== undefined) {
  // CI installs python3-jsonschema (.ci/run); elsewhere the comparison is skipped, saying why.
  if (process.env["CI"]) throw new Error(`the Python differential test must run in CI: ${python}`);
  console.warn(`differential.test.ts: skipping the comparison with Python's jsonschema: ${python}`);
}

describe.skipIf(python !== undefined)("every entry point agrees with Python's jsonschema", () => {
  const texts = corpus.map((v) => JSON.stringify(v));
  const views = {
    strict: errorEnvelopeSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" }),
    lenient: lenientErrorEnvelopeSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" }),
  };
  let verdicts: boolean[][];
  beforeAll(() => {
    verdicts = pythonVerdicts(texts, views);
  }, 120_000);

  it.each(MODES)(
    "%s: on the published schema files and on the JSON Schema ~standard.jsonSchema hands out",
    (mode: ValidationMode) => {
      const column = mode === "strict" ? 0 : 1;
      const wrong: { value: string; python: boolean[]; ours: unknown }[] = [];
      let known = 0;
      corpus.forEach((value, i) => {
        const ours = answers(value, mode);
        const parsed = parseErrorEnvelope(texts[i] as string, { mode }).ok;
        const [published, view] = [verdicts[i]?.[column], verdicts[i]?.[column + 2]];
        if (agree(ours) && parsed === ours.validate && published === ours.validate && view === ours.validate) return;
        if (knownPythonDifference(value) && agree(ours) && published === view) known++;
        else wrong.push({ value: show(value), python: [published ?? false, view ?? false], ours });
      });
      expect(wrong.slice(0, 5)).toEqual([]);
      // The known difference stays rare and explained (a handful of doc_url values ending in "\n").
      expect(known).toBeLessThan(corpus.length / 50);
    },
  );
});
