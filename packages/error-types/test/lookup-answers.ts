import {
  codesForHttpStatus,
  codeToHttpStatus,
  ERROR_CODES,
  errorTypeForHttpStatus,
  isErrorCode,
  isHttpErrorStatus,
  isRetryableErrorCode,
  isRetryableHttpStatus,
  isStatusAllowedForCode,
  mayCarryRetryAfter,
} from "../src/index.js";

/** Names every plain object or array inherits: none of them is a code, whatever the catalog holds. */
export const INHERITED_NAMES: readonly string[] = [
  ...new Set([
    "__proto__",
    ...Object.getOwnPropertyNames(Object.prototype),
    ...Object.getOwnPropertyNames(Array.prototype),
    ...Object.getOwnPropertyNames(Function.prototype),
    "prototype",
  ]),
];

/** Statuses worth asking about: every integer around the 4xx and 5xx classes, and non-integers. */
export const PROBE_STATUSES: readonly number[] = [
  ...Array.from({ length: 401 }, (_, i) => 300 + i),
  -1,
  0,
  404.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
];

/**
 * What every lookup of the package answers, for every code, inherited name and probe status:
 * what a service's createError and a client's retry decision read. Compared before and after
 * an attempt to change a fact.
 */
export function lookupAnswers() {
  const names = [...ERROR_CODES, ...INHERITED_NAMES, "invalid_key"];
  const byName = <T>(f: (n: string) => T) => Object.fromEntries(names.map((n) => [n, f(n)]));
  const byStatus = <T>(f: (s: number) => T) => Object.fromEntries(PROBE_STATUSES.map((s) => [String(s), f(s)]));
  const allowed: Record<string, boolean> = {};
  for (const name of names) for (const s of PROBE_STATUSES) allowed[`${name} ${s}`] = isStatusAllowedForCode(name, s);
  return {
    codeToHttpStatus: byName((n) => codeToHttpStatus(n)),
    isErrorCode: byName(isErrorCode),
    isRetryableErrorCode: byName(isRetryableErrorCode),
    isStatusAllowedForCode: allowed,
    errorTypeForHttpStatus: byStatus(errorTypeForHttpStatus),
    isRetryableHttpStatus: byStatus(isRetryableHttpStatus),
    isHttpErrorStatus: byStatus(isHttpErrorStatus),
    mayCarryRetryAfter: byStatus(mayCarryRetryAfter),
    codesForHttpStatus: byStatus(codesForHttpStatus),
  };
}
