import { codeBanner } from "../banner.js";
import type { Contract } from "../contract.js";
import { matchesOnlyAscii } from "./string-checks.js";

const str = (s: string): string => JSON.stringify(s);
/** A doc text inside a JSDoc comment: no comment end, one line. */
const doc = (s: string): string => s.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");

/**
 * The contract-wide facts @org/error-types exports as constants (header names, the problem
 * media type, the doc_url cap: every vocabulary row with a `constant`), and `isDocUrl`, the
 * strict envelope schema's doc_url rule as a small function a browser bundle can carry.
 */
export function generateFacts(contract: Contract): string {
  const constants = Object.entries(contract.constants)
    .map(([name, c]) => {
      const value = typeof c.value === "number" ? String(c.value) : str(c.value);
      return `/** ${doc(c.doc)} (schemas: \`${doc(c.pointer)}\`) */\nexport const ${name} = ${value};\n`;
    })
    .join("\n");
  const { pattern, maxLength } = contract.names.docUrl;
  // maxLength counts code points. A pattern that matches ASCII only makes them the string's
  // length wherever it matches; otherwise they are counted, only between the two bounds (at
  // most `length`, at least half of it: a bounded walk, any input costs at most 2 x the cap).
  const ascii = matchesOnlyAscii(pattern);
  const fits = ascii
    ? "value.length <= DOC_URL_LENGTH"
    : "(value.length <= DOC_URL_LENGTH || (value.length <= 2 * DOC_URL_LENGTH && [...value].length <= DOC_URL_LENGTH))";
  const why = ascii
    ? "the pattern matches ASCII only, where code points and code units are one count"
    : "code points are at most `length` and at least half of it: counted only between the two";
  return `${codeBanner()}
${constants}
/** The strict envelope schema's \`doc_url\` pattern (JSON Schema patterns are Unicode regular expressions). */
const DOC_URL_PATTERN = /* @__PURE__ */ new RegExp(${str(pattern)}, "u");

/** The strict envelope schema's \`doc_url\` maxLength, in Unicode code points. */
const DOC_URL_LENGTH = ${maxLength};

/**
 * True when \`value\` is a \`doc_url\` the strict envelope schema accepts: a string matching
 * \`${doc(pattern)}\` of at most ${maxLength} Unicode code points. Never throws.
 */
export function isDocUrl(value: unknown): value is string {
  // maxLength counts code points; ${why}.
  return typeof value === "string" && ${fits} && DOC_URL_PATTERN.test(value);
}
`;
}
