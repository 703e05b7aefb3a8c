import { codeBanner } from "../banner.js";
import type { Contract } from "../contract.js";
import type { NameGrammar } from "../contract.js";

const str = (s: string): string => JSON.stringify(s);
/** A doc text inside a JSDoc comment: no comment end, one line. */
const doc = (s: string): string => s.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");

/**
 * The contract-wide facts @org/error-types exports as constants (header names, the problem
 * media type, the doc_url cap: every vocabulary row with a `constant`), `isDocUrl`, the
 * strict envelope schema's doc_url rule as a small function a browser bundle can carry, and
 * `isUpstreamProvider`, its `error.upstream.provider` rule, for the services that attribute.
 */
export function generateFacts(contract: Contract): string {
  const constants = Object.entries(contract.constants)
    .map(([name, c]) => {
      const value = typeof c.value === "number" ? String(c.value) : str(c.value);
      return `/** ${doc(c.doc)} (schemas: \`${doc(c.pointer)}\`) */\nexport const ${name} = ${value};\n`;
    })
    .join("\n");
  const { pattern, maxLength } = contract.names.docUrl;
  const provider = contract.names.upstreamProvider;
  // A contract before 1.2 has no error.upstream: no provider rule to carry.
  const providerCheck = provider === undefined ? "" : providerFunction(provider);
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

${providerCheck}`;
}

/** \`isUpstreamProvider\`, the strict envelope schema's \`error.upstream.provider\` rule. */
function providerFunction(provider: NameGrammar): string {
  return `/** The strict envelope schema's \`error.upstream.provider\` pattern, compiled once. */
const UPSTREAM_PROVIDER = /* @__PURE__ */ new RegExp(${str(provider.pattern)}, "u");

/**
 * True when \`value\` is an upstream provider name the strict envelope schema accepts
 * (\`error.upstream.provider\`, contract 1.2): a string matching \`${doc(provider.pattern)}\` of at
 * most ${provider.maxLength} Unicode code points. Never throws.
 */
export function isUpstreamProvider(value: unknown): value is string {
  // As isDocUrl: code points counted only when \`length\` alone cannot decide (a bounded walk).
  return (
    typeof value === "string" &&
    (value.length <= ${provider.maxLength} || (value.length <= ${2 * provider.maxLength} && [...value].length <= ${provider.maxLength})) &&
    UPSTREAM_PROVIDER.test(value)
  );
}
`;
}
