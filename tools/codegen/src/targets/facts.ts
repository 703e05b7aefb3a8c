import { codeBanner } from "../banner.js";
import type { Contract } from "../contract.js";

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
  // maxLength counts code points, which are at most \`length\` and at least half of it: count
  // them only between the two (a bounded walk), so any input costs at most 2 × the cap.
  return (
    typeof value === "string" &&
    (value.length <= DOC_URL_LENGTH || (value.length <= 2 * DOC_URL_LENGTH && [...value].length <= DOC_URL_LENGTH)) &&
    DOC_URL_PATTERN.test(value)
  );
}
`;
}
