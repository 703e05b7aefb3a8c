/**
 * Content negotiation between the contract's envelope (`application/json`) and RFC 9457
 * problem details (`application/problem+json`), from a request's `Accept` header.
 */

import { PROBLEM_JSON_MEDIA_TYPE } from "./header-names.js";

/** The media type of RFC 9457 problem details. */
export const PROBLEM_MEDIA_TYPE = PROBLEM_JSON_MEDIA_TYPE;

/** How well one media type is accepted: its q-value and how specific the range that gave it was. */
interface Acceptance {
  q: number;
  /** 3 for `type/subtype`, 2 for `type/*`, 1 for `*\/*`, 0 when no range matched. */
  specificity: number;
}

// RFC 9110 §12.4.2: qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ).
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;
// type "/" subtype, both RFC 9110 tokens.
const MEDIA_RANGE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;

// Why caps: the header is attacker-controlled. Past this many characters, ranges or
// parameters per range the rest is ignored, which keeps the work per request bounded
// (a 1 MB Accept costs what its first few KB cost) whatever was sent.
const MAX_ACCEPT_LENGTH = 4096;
const MAX_RANGES = 64;
const MAX_PARAMS = 8;

const COMMA = 44;
const SEMICOLON = 59;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * Splits `text` at `separator` outside quoted strings (RFC 9110 §5.6.4: a parameter value
 * may be `"a,b;c"`), into at most `max` parts. A part cut off by the end of `text` is kept.
 */
function splitUnquoted(text: string, separator: number, max: number): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && parts.length < max; i++) {
    const c = text.charCodeAt(i);
    if (quoted) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) quoted = false;
    } else if (c === QUOTE) quoted = true;
    else if (c === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (parts.length < max) parts.push(text.slice(start));
  return parts;
}

/** The q-value a media range gives, or undefined when its `q` parameter is malformed (the range is ignored). */
function qOf(params: string[]): number | undefined {
  for (let i = 1; i < params.length; i++) {
    const param = params[i] as string;
    const eq = param.indexOf("=");
    if (eq === -1 || param.slice(0, eq).trim().toLowerCase() !== "q") continue;
    const value = param.slice(eq + 1).trim();
    return QVALUE.test(value) ? Number(value) : undefined;
  }
  return 1;
}

/** How `accept` rates `type` (lower-case `type/subtype`): the most specific matching range wins (RFC 9110 §12.5.1). */
function rate(ranges: ReadonlyArray<{ range: string; q: number }>, type: string): Acceptance {
  const major = type.slice(0, type.indexOf("/"));
  let best: Acceptance = { q: 0, specificity: 0 };
  for (const { range, q } of ranges) {
    const specificity = range === type ? 3 : range === `${major}/*` ? 2 : range === "*/*" ? 1 : 0;
    // Equal specificity twice (`application/json, application/json;q=0`) is ambiguous: keep the higher q.
    if (specificity > best.specificity || (specificity === best.specificity && specificity > 0 && q > best.q))
      best = { q, specificity };
  }
  return best;
}

/** The valid media ranges of an `Accept` value with their q-values. Never throws; bounded work. */
function parseAccept(accept: string): Array<{ range: string; q: number }> {
  const out: Array<{ range: string; q: number }> = [];
  const text = accept.length > MAX_ACCEPT_LENGTH ? accept.slice(0, MAX_ACCEPT_LENGTH) : accept;
  for (const part of splitUnquoted(text, COMMA, MAX_RANGES)) {
    const params = splitUnquoted(part, SEMICOLON, MAX_PARAMS + 1);
    const range = (params[0] ?? "").trim().toLowerCase();
    if (!MEDIA_RANGE.test(range)) continue;
    const q = qOf(params);
    if (q !== undefined) out.push({ range, q });
  }
  return out;
}

/**
 * True when a request's `Accept` header prefers RFC 9457 problem details to the JSON envelope.
 *
 * The rule, precisely: each of `application/problem+json` and `application/json` gets the q-value
 * of the most specific media range that matches it (`type/subtype`, then `type/*`, then `*\/*`;
 * q defaults to 1; a range with a malformed q is ignored; parameters other than q do not
 * matter). Problem details are preferred when their q is above 0 and either higher than
 * JSON's, or equal to it and given by a more specific range (`application/problem+json, *\/*`
 * asks for problem details by name). Every other case, including a missing, empty or
 * unparsable header, `*\/*` alone, and a tie between two named types, keeps the envelope:
 * it is the contract's default and what existing clients expect.
 */
export function prefersProblemJson(accept: unknown): boolean {
  if (typeof accept !== "string" || accept === "") return false;
  const ranges = parseAccept(accept);
  const problem = rate(ranges, PROBLEM_MEDIA_TYPE);
  if (problem.q <= 0) return false;
  const json = rate(ranges, "application/json");
  return problem.q > json.q || (problem.q === json.q && problem.specificity > json.specificity);
}
