import type { UpstreamMatch, UpstreamProviderMapping, UpstreamRule } from "./generated/mappings.js";
import type { Observed } from "./types.js";

// The last-resort message patterns, compiled once per pattern text (rules are frozen data).
const PATTERNS = new Map<string, RegExp | null>();

/** A rule's message pattern; null when it does not compile (that rule then never matches). */
function patternOf(source: string): RegExp | null {
  let pattern = PATTERNS.get(source);
  if (pattern === undefined) {
    try {
      pattern = new RegExp(source, "u");
    } catch {
      pattern = null;
    }
    PATTERNS.set(source, pattern);
  }
  return pattern;
}

const statusMatches = (list: UpstreamMatch["status"], status: number | undefined): boolean =>
  list === undefined ||
  (status !== undefined &&
    list.some((item) => (typeof item === "number" ? item === status : status >= item[0] && status <= item[1])));

const oneOf = <T>(list: readonly T[] | undefined, value: string | number | undefined): boolean =>
  list === undefined || (value !== undefined && list.some((item) => String(item) === String(value)));

/** A header rule: present, or its value before a first `:` (AWS appends a namespace) one of `values`. */
function headerMatches(rule: UpstreamMatch["header"], o: Observed): boolean {
  if (rule === undefined) return true;
  const value = o.header(rule.name);
  if (value === null) return false;
  if (rule.values === undefined) return true;
  const head = value.split(":", 1)[0]?.trim() ?? "";
  return rule.values.includes(head);
}

/**
 * True when every member the rule gives matches what was seen. Transport failures match only
 * rules that name them (and those rules nothing else); `in` defaults to `body`.
 */
export function ruleMatches(match: UpstreamMatch, o: Observed): boolean {
  if (o.failure !== undefined) return match.failure !== undefined && match.failure.some((f) => f === o.failure);
  if (match.failure !== undefined) return false;
  if ((match.in ?? "body") !== o.in) return false;
  if (!statusMatches(match.status, o.status)) return false;
  if (!oneOf(match.type, o.type) || !oneOf(match.code, o.code) || !oneOf(match.errorStatus, o.errorStatus))
    return false;
  if (!headerMatches(match.header, o)) return false;
  if (match.message === undefined) return true;
  return patternOf(match.message)?.test(o.message) ?? false;
}

/** The first rule of `mapping`, then of `fallback` (the `generic` provider), that matches; null when none does. */
export function matchRule(
  mapping: UpstreamProviderMapping,
  fallback: UpstreamProviderMapping | undefined,
  o: Observed,
): UpstreamRule | null {
  for (const rule of mapping.rules) if (ruleMatches(rule.match, o)) return rule;
  if (fallback !== undefined && fallback !== mapping)
    for (const rule of fallback.rules) if (ruleMatches(rule.match, o)) return rule;
  return null;
}
