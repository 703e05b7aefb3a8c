import { codeBanner } from "../banner.js";
import type { Contract, NameGrammar } from "../contract.js";
import { matchesOnlyAscii, patternConstant } from "./string-checks.js";

const str = (s: string): string => JSON.stringify(s);
/** A doc text inside a JSDoc comment: no comment end, one line. */
const doc = (s: string): string => s.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");

/** One grammar check of the strict envelope schema, as `generateFacts` emits it. */
interface GrammarCheck {
  /** The exported function (`isDocUrl`). */
  name: string;
  /** The prefix of its module constants (`DOC_URL`: `DOC_URL_PATTERN`, `DOC_URL_LENGTH`). */
  prefix: string;
  /** The member it is the rule of, for the docs (`doc_url`). */
  member: string;
  /** What a valid value is, for the docs (`a \`doc_url\``). */
  what: string;
  grammar: NameGrammar;
}

/**
 * A grammar's check as a small function a browser bundle can carry: the pattern (through
 * `patternConstant`, which refuses patterns that could make matching slow) and `maxLength`
 * in code points. A pattern that matches ASCII only makes code points the string's length
 * wherever it matches; otherwise they are counted, only between the two bounds (at most
 * `length`, at least half of it: a bounded walk, any input costs at most 2 x the cap).
 */
function grammarFunction({ name, prefix, member, what, grammar }: GrammarCheck): string {
  const { pattern, maxLength } = grammar;
  const [re, cap] = [`${prefix}_PATTERN`, `${prefix}_LENGTH`];
  const [fits, why] = matchesOnlyAscii(pattern)
    ? [`value.length <= ${cap}`, "the pattern matches ASCII only, where code points and code units are one count"]
    : [
        `(value.length <= ${cap} || (value.length <= 2 * ${cap} && [...value].length <= ${cap}))`,
        "code points are at most `length` and at least half of it: counted only between the two",
      ];
  return `
/** The strict envelope schema's \`${member}\` pattern (JSON Schema patterns are Unicode regular expressions). */
const ${re} = ${patternConstant(pattern, maxLength)};

/** The strict envelope schema's \`${member}\` maxLength, in Unicode code points. */
const ${cap} = ${maxLength};

/**
 * True when \`value\` is ${what} the strict envelope schema accepts: a string matching
 * \`${doc(pattern)}\` of at most ${maxLength} Unicode code points. Never throws.
 */
export function ${name}(value: unknown): value is string {
  // maxLength counts code points; ${why}.
  return typeof value === "string" && ${fits} && ${re}.test(value);
}
`;
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
  const checks: GrammarCheck[] = [
    { name: "isDocUrl", prefix: "DOC_URL", member: "doc_url", what: "a `doc_url`", grammar: contract.names.docUrl },
  ];
  // A contract before 1.2 has no error.upstream: no provider rule to carry.
  const provider = contract.names.upstreamProvider;
  if (provider !== undefined)
    checks.push({
      name: "isUpstreamProvider",
      // Not UPSTREAM_PROVIDER: UPSTREAM_PROVIDER_PATTERN is the exported constant (the pattern's text).
      prefix: "PROVIDER_NAME",
      member: "error.upstream.provider",
      what: "an upstream provider name (contract 1.2)",
      grammar: provider,
    });
  return `${codeBanner()}
${constants}${checks.map(grammarFunction).join("")}`;
}
