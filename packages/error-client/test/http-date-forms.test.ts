import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseErrorBody } from "../src/index.js";

// Retry-After as an HTTP-date: each of RFC 9110's three forms is taken only whole (its day
// name, its date layout and its ending together), and the calendar is checked.
const NOW = Date.UTC(2026, 10, 30, 5, 0, 0);
const realNow = Date.now;
beforeAll(() => {
  Date.now = () => NOW;
});
afterAll(() => {
  Date.now = realNow;
});

const delay = (value: string) =>
  parseErrorBody({ status: 503, headers: { "retry-after": value }, body: "" }).retryAfterMs;
const until = (...utc: [number, number, number, number, number, number]) => Date.UTC(...utc) - NOW;

describe("Retry-After HTTP-dates: the three forms, whole", () => {
  it.each([
    { name: "IMF-fixdate", value: "Mon, 30 Nov 2026 05:00:30 GMT", want: 30_000 },
    { name: "IMF-fixdate, surrounding spaces trimmed", value: " Mon, 30 Nov 2026 05:00:30 GMT ", want: 30_000 },
    { name: "asctime, two-digit day", value: "Mon Nov 30 05:01:00 2026", want: 60_000 },
    { name: "asctime, one-digit day after a space", value: "Tue Dec  1 05:00:00 2026", want: 86_400_000 },
    { name: "a leap second rolls to the next minute", value: "Mon, 30 Nov 2026 05:00:60 GMT", want: 60_000 },
    { name: "the day name is not checked against the date", value: "Fri, 30 Nov 2026 05:00:30 GMT", want: 30_000 },
    {
      name: "RFC 850, a year at most 50 years ahead",
      value: "Friday, 06-Nov-76 08:49:37 GMT",
      want: until(2076, 10, 6, 8, 49, 37),
    },
    {
      name: "RFC 850, a year more than 50 years ahead is in the past century",
      value: "Saturday, 06-Nov-77 08:49:37 GMT",
      want: 0,
    },
  ])("$name: $value", ({ value, want }) => {
    expect(delay(value)).toBe(want);
  });

  it.each([
    { name: "IMF-fixdate ending in a year", value: "Mon, 30 Nov 2026 05:00:30 2026" },
    { name: "asctime ending in GMT", value: "Mon Nov 30 05:00:30 GMT" },
    { name: "RFC 850 with a four-digit year", value: "Monday, 30-Nov-2026 05:00:30 GMT" },
    { name: "RFC 850 with a short day name", value: "Mon, 30-Nov-26 05:00:30 GMT" },
    { name: "IMF-fixdate with a long day name", value: "Monday, 30 Nov 2026 05:00:30 GMT" },
    { name: "IMF-fixdate with a two-digit year", value: "Mon, 30 Nov 26 05:00:30 GMT" },
    { name: "asctime with one space before a one-digit day", value: "Tue Dec 1 05:00:00 2026" },
    { name: "a long day name that is no day", value: "Monsday, 30-Nov-26 05:00:30 GMT" },
    { name: "letters across two month names", value: "Mon, 30 anF 2026 05:00:30 GMT" },
    { name: "a month in lower case", value: "Mon, 30 nov 2026 05:00:30 GMT" },
    { name: "digits for a month", value: "Mon, 30 011 2026 05:00:30 GMT" },
    { name: "February 29 of a common year", value: "Sun, 29 Feb 2026 05:00:30 GMT" },
    { name: "minute 60", value: "Mon, 30 Nov 2026 05:60:00 GMT" },
    { name: "second 61", value: "Mon, 30 Nov 2026 05:00:61 GMT" },
    { name: "hour 24", value: "Mon, 30 Nov 2026 24:00:00 GMT" },
    { name: "day 00", value: "Mon, 00 Nov 2026 05:00:30 GMT" },
  ])("not a date: $name ($value)", ({ value }) => {
    expect(delay(value)).toBeNull();
  });
});
