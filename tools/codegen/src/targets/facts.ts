import { codeBanner } from "../banner.js";
import type { Contract, NameGrammar } from "../contract.js";
import { matchesOnlyAscii } from "./string-checks.js";

const str = (s: string): string => JSON.stringify(s);
/** A doc text inside a JSDoc comment: no comment end, one line. */
const doc = (s: string): string => s.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");

/**
 * The length test of a grammar (`maxLength` counts code points) on `value`, with why it is
 * enough. A pattern that matches ASCII only makes code points the string's length wherever it
 * matches; otherwise they are counted, only between the two bounds (at most `length`, at least
 * half of it: a bounded walk, any input costs at most 2 x the cap).
 */
function lengthTest(pattern: string, cap: string): { fits: string; why: string } {
  return matchesOnlyAscii(pattern)
    ? {
        fits: `value.length <= ${cap}`,
        why: "the pattern matches ASCII only, where code points and code units are one count",
      }
    : {
        fits: `(value.length <= ${cap} || (value.length <= 2 * ${cap} && [...value].length <= ${cap}))`,
        why: "code points are at most `length` and at least half of it: counted only between the two",
      };
}

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
  const { fits, why } = lengthTest(pattern, "DOC_URL_LENGTH");
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
  // maxLength counts code points; ${why}.
  return typeof value === "string" && ${fits} && DOC_URL_PATTERN.test(value);
}
${providerCheck}`;
}

/** \`isUpstreamProvider\`, the strict envelope schema's \`error.upstream.provider\` rule. */
function providerFunction(provider: NameGrammar): string {
  const { fits, why } = lengthTest(provider.pattern, "UPSTREAM_PROVIDER_LENGTH");
  return `
/** The strict envelope schema's \`error.upstream.provider\` pattern, compiled once. */
const UPSTREAM_PROVIDER = /* @__PURE__ */ new RegExp(${str(provider.pattern)}, "u");

/** The strict envelope schema's \`error.upstream.provider\` maxLength, in Unicode code points. */
const UPSTREAM_PROVIDER_LENGTH = ${provider.maxLength};

/**
 * True when \`value\` is an upstream provider name the strict envelope schema accepts
 * (\`error.upstream.provider\`, contract 1.2): a string matching \`${doc(provider.pattern)}\` of at
 * most ${provider.maxLength} Unicode code points. Never throws.
 */
export function isUpstreamProvider(value: unknown): value is string {
  // maxLength counts code points; ${why}.
  return typeof value === "string" && ${fits} && UPSTREAM_PROVIDER.test(value);
}
`;
}
