import type { HeaderReader } from "./headers.js";

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
/**
 * RFC 9110 section 5.6.7, its three forms whole: IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"),
 * the obsolete RFC 850 ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37
 * 1994"). Nothing else is a date ("after 10" is not 2001). The month is checked against
 * MONTHS, the calendar by Date.UTC, below. Why no capture groups: the numbers are read in
 * order afterwards, which costs less code than a group per field of each form.
 */
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \d\d-\w{3}-\d\d \d\d:\d\d:\d\d GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4})$/;

/**
 * An RFC 9110 HTTP-date (section 5.6.7: IMF-fixdate, RFC 850 or asctime, all three as a
 * recipient must accept them) in ms since the epoch, else NaN: nothing else is read as a date
 * (no ISO dates, no `Date.parse` leniency), and impossible dates (Feb 30, 25:00) are NaN.
 * `now` places an RFC 850 two-digit year (the century that puts it at most 50 years ahead).
 * @default now Date.now()
 */
export function parseHttpDate(value: string, now: number = Date.now()): number {
  if (!HTTP_DATE.test(value)) return NaN;
  // The numbers in order: day, year, hours, minutes, seconds (asctime has its year last: moved).
  // Each form has exactly these five numbers and one month (the pattern above says so).
  const n = (value.match(/\d+/g) as string[]).map(Number);
  if (!value.endsWith("GMT")) n.splice(1, 0, n.pop() as number);
  const [d, year, h, mi, s] = n as [number, number, number, number, number];
  // The only three letters between spaces or dashes (the day name is followed by "," or a month).
  const month = MONTHS.indexOf((/[ -](\w{3})[ -]/.exec(value) as RegExpExecArray)[1] as string) / 3;
  // RFC 850 two-digit years: the century that puts the date at most 50 years ahead.
  let y = year;
  if (y < 100) {
    const thisYear = new Date(now).getUTCFullYear();
    y += thisYear - (thisYear % 100);
    if (y > thisYear + 50) y -= 100;
  }
  const ms = Date.UTC(y, month, d, h, mi, s);
  // Day 31 of a 30-day month, 25:00 and a misspelt month (-1 / 3 is no integer) are not dates.
  return Number.isInteger(month) && h < 24 && mi < 60 && s < 61 && new Date(ms).getUTCDate() === d ? ms : NaN;
}

// Never Infinity: a huge value is kept as "very long" and clamped by the retry policy.
const finite = (ms: number): number => Math.min(Math.ceil(ms), Number.MAX_SAFE_INTEGER);

/**
 * Reads a `Retry-After` that is an HTTP-date into ms since the epoch, NaN (or anything not a
 * finite number) when it is none: `parseHttpDate`, or a reading of your own.
 */
export type HttpDateReader = (value: string, now: number) => number;

/**
 * How long the server asked to wait, in ms: `retry-after-ms` (OpenAI), then `Retry-After`
 * as delay-seconds or, given `readDate`, an HTTP-date (a date in the past gives 0). Anything
 * else (garbage, negatives, "after 10", ISO dates, a date with no reader) gives null, and
 * the client backs off. Why a date needs a reader: its grammar is a tenth of
 * parseErrorResponse's browser bundle, and the contract's servers send delay-seconds; every
 * other reading in this package passes parseHttpDate. A reader that throws reads no date.
 */
export function retryAfterMsFrom(headers: HeaderReader, now: number, readDate?: HttpDateReader): number | null {
  const ms = headers.get("retry-after-ms")?.trim();
  if (ms && /^\d+(?:\.\d+)?$/.test(ms)) return finite(Number(ms));
  const value = headers.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return finite(Number(value) * 1000);
  let date: unknown;
  try {
    date = readDate?.(value, now);
  } catch {
    // A reader's bug never changes the outcome: the date is unread, as with no reader.
  }
  return Number.isFinite(date) ? Math.max(0, finite((date as number) - now)) : null;
}
