import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Contract } from "../src/contract.js";
import { generateFacts } from "../src/targets/facts.js";
import { matchesOnlyAscii } from "../src/targets/string-checks.js";

const ASCII_ONLY = ["^https?://[!-~]+$", "^[a-z0-9_-]+$", "^\\d{3}\\/\\w+$", "^a\\.b\\\\c$"];
const MAYBE_NOT = [
  "https?://[!-~]+$", // not anchored at the start: the rest of the string is unchecked
  "^https?://[!-~]+", // nor at the end
  "^a$|^é$", // alternation
  "^a|b$",
  "^.+$",
  "^[^a]+$",
  "^\\S+$",
  "^\\p{L}+$",
  "^\\u00e9$",
  "^é$",
  "^a\\$",
  "^[a-z0-9][a-z0-9._-]*$", // a dot in a class is literal, but the check is conservative
  "^a\\\\$", // so is an escaped backslash before the end anchor
];

describe("matchesOnlyAscii: a maxLength beside such a pattern needs only `length`", () => {
  it.each(ASCII_ONLY)("%s matches ASCII only", (p) => expect(matchesOnlyAscii(p)).toBe(true));
  it.each(MAYBE_NOT)("%s is not taken as ASCII only", (p) => expect(matchesOnlyAscii(p)).toBe(false));

  it("every string a pattern it accepts matches is ASCII (any Unicode string, fixed seed)", () => {
    const patterns = [...ASCII_ONLY, ...MAYBE_NOT].filter(matchesOnlyAscii).map((p) => new RegExp(p, "u"));
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 12 }), fc.string({ maxLength: 6 }), (s, ascii) => {
        for (const re of patterns)
          for (const v of [s, `https://${s}`, `${ascii}${s}`])
            expect(!re.test(v) || /^[\x00-\x7f]*$/.test(v)).toBe(true);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});

describe("isDocUrl's length check follows the schema's pattern", () => {
  const facts = (pattern: string): string =>
    generateFacts({ constants: {}, names: { docUrl: { pattern, maxLength: 2048 } } } as unknown as Contract);

  it("an ASCII-only pattern: the length alone", () => {
    expect(facts("^https?://[!-~]+$")).toContain('typeof value === "string" && value.length <= DOC_URL_LENGTH &&');
  });

  it("a pattern that may match other characters: code points counted past the length", () => {
    expect(facts("^https?://\\S+$")).toContain("[...value].length <= DOC_URL_LENGTH");
  });
});
