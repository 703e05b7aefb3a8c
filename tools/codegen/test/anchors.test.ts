import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CodeEntry } from "../src/contract.js";
import { SchemaError } from "../src/schema-error.js";
import { codeAnchor } from "../src/targets/anchor.js";
import { generateCatalog } from "../src/targets/catalog.js";
import { catalogDocument } from "../src/targets/errors-json.js";
import { generateHtmlPage } from "../src/targets/html-page.js";
import { loadSmall } from "./small-schemas.js";

const BASE = loadSmall();
/** The page's own ids: a code equal to one is refused (the reference-page tests address them by these names). */
const PAGE_IDS = ["envelope", "statuses", "codes-h", "tools", "q", "q-hint", "count", "copied", "codes"];

/** A code of the grammar `^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$`. */
const word = fc.stringMatching(/^[a-z][a-z0-9_]{0,12}$/);
const grammarCode = fc.oneof(
  word,
  fc.tuple(word, word).map(([a, b]) => `${a}:${b}`),
);
/** Any string a future grammar (or a hand edit) might let through, lone surrogates aside. */
const anyCode = fc.oneof(
  grammarCode,
  fc.string({ minLength: 1, maxLength: 16 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }),
  fc.constantFrom("a b", "a%20b", "a%2520b", "#x", "x#y", "%", "%E0%A4%A", "?q=1", "/", "&amp;", '"', "<b>"),
);

const contractWith = (names: readonly string[]) => ({
  ...BASE,
  codes: names.map((code): CodeEntry => ({ ...(BASE.codes[1] as CodeEntry), code })),
});

/** Ids of the page's code rows and the fragments its links point at, as written in the HTML (entities decoded). */
function pageAnchors(html: string): { rowIds: string[]; hrefs: string[] } {
  const unescape = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return {
    rowIds: [...html.matchAll(/<tr id="([^"]*)" data-statuses/g)].map((m) => unescape(m[1] ?? "")),
    hrefs: [...html.matchAll(/<th scope="row" role="rowheader" data-l="Code"><a href="#([^"]*)"/g)].map((m) =>
      unescape(m[1] ?? ""),
    ),
  };
}

describe("a code's anchor, doc_url and row id", () => {
  it("a grammar-legal code is its own anchor: doc_url unchanged (channel: codes keep their colon)", () => {
    fc.assert(
      fc.property(grammarCode, (code) => {
        expect(codeAnchor(code)).toBe(code);
      }),
      { seed: 2004, numRuns: 300 },
    );
    expect(catalogDocument(contractWith(["channel:invalid_key"])).codes[0]?.doc_url).toBe(
      "https://example.test/ref#channel:invalid_key",
    );
  });

  it("any set of codes: anchors URL-safe, decoding back to their code, unique; the page's ids, links, errors.json and the catalog agree (property, fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(anyCode, { minLength: 1, maxLength: 8 }).filter((cs) => !cs.some((c) => PAGE_IDS.includes(c))),
        (codes) => {
          const anchors = codes.map(codeAnchor);
          for (const [i, a] of anchors.entries()) {
            expect(a).toMatch(/^[A-Za-z0-9\-_.!~*'():%]*$/);
            expect(decodeURIComponent(a)).toBe(codes[i]);
            expect(encodeURIComponent(decodeURIComponent(a)).replace(/%3A/g, ":")).toBe(a);
          }
          expect(new Set(anchors).size).toBe(codes.length);
          const contract = contractWith(codes);
          const { rowIds, hrefs } = pageAnchors(generateHtmlPage(contract));
          expect(rowIds).toEqual(anchors);
          expect(hrefs).toEqual(anchors);
          expect(catalogDocument(contract).codes.map((c) => c.doc_url)).toEqual(
            anchors.map((a) => `https://example.test/ref#${a}`),
          );
          const catalog = generateCatalog(contract);
          for (const a of anchors)
            expect(catalog).toContain(`docUrl: ${JSON.stringify(`https://example.test/ref#${a}`)}`);
        },
      ),
      { seed: 2005, numRuns: 200 },
    );
  });

  it("`a b` and `a%20b` get different anchors, neither equal to the other's (a browser tries the raw fragment first)", () => {
    expect([codeAnchor("a b"), codeAnchor("a%20b")]).toEqual(["a%20b", "a%2520b"]);
  });

  it("a code with a lone surrogate has no URL: a schema error naming the code file, not a URIError", () => {
    expect(() => codeAnchor("a\uD800")).toThrow(SchemaError);
    expect(() => codeAnchor("a\uD800")).toThrow(/error-code\.schema\.json: code "a\\ud800" is not well-formed Unicode/);
  });
});
