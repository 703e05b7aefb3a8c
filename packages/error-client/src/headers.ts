/** The one thing parsing needs of headers: a case-insensitive `get`. `Headers` is one. */
export interface HeaderReader {
  get(name: string): string | null;
}

const NO_HEADERS: HeaderReader = { get: () => null };
// RFC 9110 token characters: what `new Headers()` accepts as a name.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Values `new Headers()` refuses: NUL, CR, LF.
const BAD_VALUE = /[\0\r\n]/;

/**
 * Headers from anything: a `Headers` as it is; a record or a list of pairs read the way
 * `new Headers()` would (names case-insensitive, values trimmed, repeats joined with ", ").
 * A bad `HeadersInit` (invalid names or values, throwing getters) gives empty headers.
 * Why not `new Headers(init)`: building one costs more than the rest of a parse.
 */
export function toHeaders(init: unknown): HeaderReader {
  if (init instanceof Headers) return init;
  if (init === undefined || init === null) return NO_HEADERS;
  try {
    const map = new Map<string, string>();
    const add = (name: unknown, raw: unknown): void => {
      if (typeof name !== "string" || !TOKEN.test(name)) throw new TypeError("bad header name");
      const value = String(raw).replace(/^[\t ]+|[\t ]+$/g, "");
      if (BAD_VALUE.test(value)) throw new TypeError("bad header value");
      const key = name.toLowerCase();
      const seen = map.get(key);
      map.set(key, seen === undefined ? value : `${seen}, ${value}`);
    };
    // Another implementation's Headers (a polyfill, another realm): ask it, as `new Headers` would.
    if (typeof (init as { get?: unknown }).get === "function" && Symbol.iterator in (init as object)) {
      const foreign = init as { get(name: string): unknown };
      return { get: (name) => { const v = foreign.get(name); return v === null || v === undefined ? null : String(v); } };
    }
    if (typeof init === "object" && Symbol.iterator in init) {
      for (const pair of init as Iterable<unknown>) {
        if (!Array.isArray(pair) || pair.length !== 2) throw new TypeError("bad header pair");
        add(pair[0], pair[1]);
      }
    } else if (typeof init === "object") {
      for (const name of Object.keys(init)) add(name, (init as Record<string, unknown>)[name]);
    } else {
      return NO_HEADERS;
    }
    return { get: (name) => map.get(name.toLowerCase()) ?? null };
  } catch {
    return NO_HEADERS;
  }
}

const MAX_ID_LENGTH = 200;
// "(request id: 2024112512000012345)" is how the gateway appends its id to messages.
const ID_IN_MESSAGE = /\(request id: ([^\s()]{1,200})\)/i;

/**
 * The request id: `x-request-id`, then `request-id` (Anthropic), then `x-oneapi-request-id`
 * (new-api / one-api gateways, also on relayed upstream errors), then the body, then the message.
 */
export function requestIdFrom(headers: HeaderReader, fromBody: string | null, message: string | null): string | null {
  const header = headers.get("x-request-id") ?? headers.get("request-id") ?? headers.get("x-oneapi-request-id");
  const id = header?.trim() || fromBody || (message === null ? undefined : ID_IN_MESSAGE.exec(message)?.[1]);
  return id ? id.slice(0, MAX_ID_LENGTH) : null;
}

/** `x-should-retry: true|false` (any case), else null. */
export function shouldRetryFrom(headers: HeaderReader): boolean | null {
  const value = headers.get("x-should-retry")?.trim().toLowerCase();
  return value === "true" ? true : value === "false" ? false : null;
}

// Never Infinity: a huge value is kept as "very long" and clamped by the retry policy.
const finite = (ms: number): number => Math.min(Math.ceil(ms), Number.MAX_SAFE_INTEGER);

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
// RFC 9110 section 5.6.7: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), the obsolete RFC 850
// ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994"): each form's
// date part, then the time they share, then "GMT" or (asctime) the year. Nothing else is a
// date ("after 10" is not 2001).
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, (\\d\\d) (\\w{3}) (\\d{4})|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d\\d)-(\\w{3})-(\\d\\d)|${DAY} (\\w{3}) ([ \\d]\\d)) (\\d\\d):(\\d\\d):(\\d\\d) (GMT|\\d{4})$`,
);

/** An RFC 9110 HTTP-date in ms since the epoch, else NaN. */
export function parseHttpDate(value: string, now: number): number {
  const m = HTTP_DATE.exec(value);
  // asctime (m[7], its month) ends in its year; the other two forms end in "GMT".
  if (m === null || !m[7] !== (m[12] === "GMT")) return Number.NaN;
  const d = Number(m[1] || m[4] || m[8]);
  const month = MONTHS.indexOf(m[2] || m[5] || m[7] || "") / 3;
  const h = Number(m[9]);
  const mi = Number(m[10]);
  const s = Number(m[11]);
  let year = Number(m[3] || m[6] || m[12]);
  // RFC 850 two-digit years: the century that puts the date at most 50 years ahead.
  if (year < 100) {
    const thisYear = new Date(now).getUTCFullYear();
    year += Math.floor(thisYear / 100) * 100;
    if (year > thisYear + 50) year -= 100;
  }
  const ms = Date.UTC(year, month, d, h, mi, s);
  // Day 31 of a 30-day month, 25:00 and a misspelt month are not dates.
  return Number.isInteger(month) && month >= 0 && h < 24 && mi < 60 && s < 61 && new Date(ms).getUTCDate() === d ? ms : Number.NaN;
}

/**
 * How long the server asked to wait, in ms: `retry-after-ms` (OpenAI), then `Retry-After`
 * as delay-seconds or an RFC 9110 HTTP-date (a date in the past gives 0). Anything else
 * (garbage, negatives, "after 10", ISO dates) gives null, and the client backs off.
 */
export function retryAfterMsFrom(headers: HeaderReader, now: number): number | null {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && /^\d+(?:\.\d+)?$/.test(ms)) return finite(Number(ms));
  const value = headers.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return finite(Number(value) * 1000);
  const date = parseHttpDate(value, now);
  return Number.isNaN(date) ? null : Math.max(0, finite(date - now));
}

/** The media type of a response, lower-case, without parameters ("" when absent). */
export const mediaType = (headers: HeaderReader): string => (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** True for `application/json` and `*+json` (problem+json), not for streaming JSON types. */
export const isJsonType = (type: string): boolean => type === "application/json" || type.endsWith("+json");

/**
 * A URL fit for a message: origin and path only. Why: query strings carry API keys
 * (`?key=`), and URLs with user info carry passwords; neither belongs in a log line.
 */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== "string" || url === "") return null;
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0]?.slice(0, 500) || null;
  }
}
