import { parseHttpDate } from "@org/error-client";

/** Cap on a hint read from a header, in ms: a value past it is taken as "a very long time". */
const MAX_HINT_MS = Number.MAX_SAFE_INTEGER;

/**
 * The provider's retry hint in ms from its headers, tried in the mapping's order: a name ending
 * in `-ms` (`retry-after-ms`, `x-ms-retry-after-ms`) holds milliseconds; any other
 * (`retry-after`) delay-seconds or an RFC 9110 HTTP-date (`parseHttpDate` of @org/error-client;
 * a date past gives 0). Null when none is usable.
 */
export function retryHintMs(
  names: readonly string[],
  header: (name: string) => string | null,
  now: number = Date.now(),
): number | null {
  for (const name of names) {
    const value = header(name)?.trim();
    if (!value) continue;
    if (/^\d{1,20}(?:\.\d{1,20})?$/.test(value)) {
      const ms = Number(value) * (name.endsWith("-ms") ? 1 : 1000);
      return Math.min(Math.ceil(ms), MAX_HINT_MS);
    }
    if (name.endsWith("-ms")) continue;
    // An RFC 9110 HTTP-date, read as the client reads one (its three forms, nothing else).
    const date = parseHttpDate(value, now);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return null;
}
