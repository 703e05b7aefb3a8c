import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonEqual } from "../src/classify/json.js";
import { pairRenames, type WorkCounter } from "../src/classify/renames.js";
import { classifyChanges } from "../src/diff.js";
import type { CodeModel } from "../src/model.js";
import type { Json } from "../src/schema-set.js";
import { renameSets } from "./rename-sets.js";

const SEED = 20231;

/** The pairing as the first version chose it (every pair compared): the reference. */
function referencePairs(removed: CodeModel[], added: CodeModel[]): Array<[CodeModel, CodeModel]> {
  const pairs: Array<[CodeModel, CodeModel]> = [];
  const same = (a: CodeModel, b: CodeModel) =>
    jsonEqual(a.status, b.status) &&
    jsonEqual(a.type, b.type) &&
    jsonEqual(a.retryable, b.retryable) &&
    jsonEqual(a.meaning, b.meaning);
  for (const old of removed) {
    const match = added.find((n) => !pairs.some(([, p]) => p === n) && same(old, n));
    if (match) pairs.push([old, match]);
  }
  return pairs;
}

/** Few distinct facts, so that many codes share them; absent, null and reordered objects included. */
const fact: fc.Arbitrary<Json | undefined> = fc.constantFrom<Json | undefined>(
  undefined,
  null,
  409,
  "409",
  "x",
  true,
  false,
  { a: 1, b: [2] },
  { b: [2], a: 1 },
  [1, "1"],
);
const code = fc
  .record({ status: fact, type: fact, retryable: fact, meaning: fact })
  .map((f) => ({ ...f, code: "c" }) as unknown as CodeModel); // pairs are told apart by identity

describe("rename pairing (code-renamed)", () => {
  it("pairs exactly as the pairwise reference does, on random codes sharing facts", () => {
    fc.assert(
      fc.property(fc.array(code, { maxLength: 12 }), fc.array(code, { maxLength: 12 }), (removed, added) => {
        const got = pairRenames(removed, added);
        const want = referencePairs(removed, added);
        expect(got.map(([o, n]) => [removed.indexOf(o), added.indexOf(n)])).toEqual(
          want.map(([o, n]) => [removed.indexOf(o), added.indexOf(n)]),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("does work linear in the number of codes (counted, not timed): doubling the codes doubles the steps", () => {
    for (const kind of ["renames", "unpaired"] as const) {
      const steps = [250, 500, 1000, 2000, 4000].map((n) => {
        const work: WorkCounter = { steps: 0 };
        const models = (list: number, prefix: string) =>
          Array.from({ length: list }, (_, i) => ({
            code: `${prefix}${i}`,
            status: 409,
            type: "invalid_request_error",
            retryable: false,
            meaning: kind === "renames" || prefix === "old" ? `Meaning ${i}` : `Other meaning ${i}`,
          })) as unknown as CodeModel[];
        const pairs = pairRenames(models(n, "old"), models(n, "new"), work);
        expect(pairs.length).toBe(kind === "renames" ? n : 0);
        return work.steps;
      });
      for (let i = 1; i < steps.length; i++)
        expect((steps[i] as number) / (steps[i - 1] as number), `${kind}: ${steps.join(", ")}`).toBeLessThanOrEqual(
          2.05,
        );
    }
  });

  it("classifies 2,000 renamed codes as 2,000 renames (the whole classifier, same pairs as before)", () => {
    const { before, after } = renameSets(2000, "renames");
    const changes = classifyChanges(before, after);
    expect(changes).toHaveLength(2000);
    expect(changes.every((c) => c.rule === "code-renamed")).toBe(true);
    expect(changes[1999]?.message).toBe('code "old_code_1999" renamed to "new_code_1999"');
  });
});
