import { ERROR_CATALOG, ERROR_CODES } from "@org/error-types";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, DEFAULT_RETRY_POLICY, isRetryable, parseErrorBody, retryDelayMs } from "../src/index.js";

const envelope = (code: string | number | null) => ({ error: { message: "m", type: "t", code } });
const err = (status: number, body: unknown = "", headers: Record<string, string> = {}) =>
  parseErrorBody({ status, headers, body });

describe("isRetryable", () => {
  it.each(
    ERROR_CODES.map((code) => ({ code, status: ERROR_CATALOG[code].status, want: ERROR_CATALOG[code].retryable })),
  )("catalog code $code ($status) -> $want", ({ code, status, want }) => {
    expect(isRetryable(err(status, envelope(code)))).toBe(want);
  });

  it.each([
    {
      name: "a code decides over the status: 500 model_price_error",
      given: err(500, envelope("model_price_error")),
      want: false,
    },
    {
      name: "a code decides over the status: 400 with a retryable code",
      given: err(400, envelope("do_request_failed")),
      want: true,
    },
    // The contract's rule: 408, 409, 429 and every 5xx except 501 and 505 (Anthropic's 529, proxies' 520-524).
    ...[408, 409, 429, 500, 502, 503, 504, 506, 507, 508, 510, 511, 520, 521, 522, 523, 524, 529, 599].map(
      (status) => ({ name: `status ${status} without a code`, given: err(status), want: true }),
    ),
    ...[400, 401, 403, 404, 405, 413, 415, 422, 451, 499, 501, 505].map((status) => ({
      name: `status ${status} without a code`,
      given: err(status),
      want: false,
    })),
    {
      name: "Anthropic 529 overloaded_error",
      given: err(529, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } }),
      want: true,
    },
    {
      name: "a timeout (time budget spent)",
      given: new ApiError({ kind: "timeout", status: 503, detail: "timed out" }),
      want: false,
    },
    {
      name: "an unknown string code falls back to the status (503)",
      given: err(503, envelope("upstream_busy")),
      want: true,
    },
    { name: "a numeric code falls back to the status (400)", given: err(400, envelope(400)), want: false },
    {
      name: "x-should-retry: true overrides a 400",
      given: err(400, envelope("invalid_request"), { "x-should-retry": "true" }),
      want: true,
    },
    { name: "x-should-retry: false overrides a 503", given: err(503, "", { "x-should-retry": "false" }), want: false },
    { name: "x-should-retry garbage is ignored", given: err(503, "", { "x-should-retry": "maybe" }), want: true },
    { name: "a 200 carrying a retryable code", given: err(200, envelope("get_channel_failed")), want: true },
    { name: "a 200 carrying an unknown code", given: err(200, envelope("weird")), want: false },
    { name: "a network error", given: new ApiError({ kind: "network", detail: "fetch failed" }), want: true },
    { name: "an abort", given: new ApiError({ kind: "aborted", detail: "aborted" }), want: false },
    {
      name: "an abort, even with shouldRetry",
      given: new ApiError({ kind: "aborted", shouldRetry: true, detail: "aborted" }),
      want: false,
    },
    { name: "a plain Error", given: new Error("x"), want: false },
    { name: "a string", given: "503", want: false },
  ])("$name -> $want", ({ given, want }) => {
    expect(isRetryable(given)).toBe(want);
  });

  it.each([
    {
      name: "respectShouldRetry: false ignores the header",
      policy: { respectShouldRetry: false },
      given: err(503, "", { "x-should-retry": "false" }),
      want: true,
    },
    {
      name: "retryNetworkErrors: false",
      policy: { retryNetworkErrors: false },
      given: new ApiError({ kind: "network", detail: "x" }),
      want: false,
    },
    { name: "retryStatuses without 409", policy: { retryStatuses: [429] }, given: err(409), want: false },
    {
      name: "retryableCodes with model_price_error",
      policy: { retryableCodes: ["model_price_error" as const] },
      given: err(500, envelope("model_price_error")),
      want: true,
    },
  ])("policy: $name", ({ policy, given, want }) => {
    expect(isRetryable(given, policy)).toBe(want);
  });
});

describe("retryDelayMs", () => {
  const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const noJitter = { jitter: 0 };
  const httpDate = (offsetMs: number) => new Date(NOW + offsetMs).toUTCString();

  it.each([
    { name: "retry-after-ms", headers: { "retry-after-ms": "1500" }, want: 1500 },
    {
      name: "retry-after-ms wins over Retry-After",
      headers: { "retry-after-ms": "250.5", "retry-after": "9" },
      want: 251,
    },
    { name: "Retry-After in seconds", headers: { "retry-after": "3" }, want: 3000 },
    { name: "Retry-After as an HTTP date", headers: { "retry-after": httpDate(7000) }, want: 7000 },
    { name: "Retry-After as a date in the past: retry now", headers: { "retry-after": httpDate(-60_000) }, want: 0 },
    { name: "Retry-After huge: clamped to maxRetryAfterMs", headers: { "retry-after": "86400" }, want: 60_000 },
    { name: "Retry-After absurd: clamped", headers: { "retry-after": "9".repeat(400) }, want: 60_000 },
    {
      name: "Retry-After a date years ahead: clamped",
      headers: { "retry-after": httpDate(365 * 86_400_000) },
      want: 60_000,
    },
    { name: "Retry-After garbage: backoff", headers: { "retry-after": "soon" }, want: 500 },
    { name: "Retry-After negative: backoff", headers: { "retry-after": "-5" }, want: 500 },
    { name: "Retry-After empty: backoff", headers: { "retry-after": "" }, want: 500 },
    { name: "Retry-After with only digits and junk: backoff", headers: { "retry-after": "12abc" }, want: 500 },
    { name: "no header: backoff", headers: {}, want: 500 },
  ])("$name -> $want ms", ({ headers, want }) => {
    expect(retryDelayMs(err(503, "", headers), 0, noJitter)).toBe(want);
  });

  it("grows exponentially from 500 ms and stops at 8 s", () => {
    const e = err(503);
    const policy = { ...noJitter, maxRetries: 10 };
    expect([0, 1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(e, attempt, policy))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it.each([
    { random: 0, want: 1000 },
    { random: 0.5, want: 875 },
    { random: 0.999999, want: 750 },
  ])("jitter takes up to 25% off: random $random -> $want", ({ random, want }) => {
    expect(retryDelayMs(err(503), 1, { random: () => random })).toBe(want);
  });

  it("stays within [75%, 100%] of the backoff with the real Math.random", () => {
    for (let i = 0; i < 200; i++) {
      const delay = retryDelayMs(err(503), 1) as number;
      expect(delay).toBeGreaterThanOrEqual(750);
      expect(delay).toBeLessThanOrEqual(1000);
    }
  });

  it.each([
    { name: "not retryable", error: err(400), attempt: 0, policy: undefined },
    { name: "retries used up (default 2)", error: err(503), attempt: 2, policy: undefined },
    { name: "maxRetries 0", error: err(503), attempt: 0, policy: { maxRetries: 0 } },
    { name: "a negative attempt", error: err(503), attempt: -1, policy: undefined },
    { name: "an abort", error: new ApiError({ kind: "aborted", detail: "x" }), attempt: 0, policy: undefined },
  ])("null when $name", ({ error, attempt, policy }) => {
    expect(retryDelayMs(error, attempt, policy)).toBeNull();
  });
});

describe("the retry policy", () => {
  it("has the documented defaults and cannot be changed", () => {
    expect(DEFAULT_RETRY_POLICY).toMatchObject({
      maxRetries: 2,
      baseDelayMs: 500,
      maxDelayMs: 8000,
      jitter: 0.25,
      maxRetryAfterMs: 60_000,
      timeBudgetMs: Infinity,
    });
    // null: the contract's status rule decides (isRetryableHttpStatus), not a hand-kept list.
    expect(DEFAULT_RETRY_POLICY.retryStatuses).toBeNull();
    expect(DEFAULT_RETRY_POLICY.retryableCodes).toEqual(ERROR_CODES.filter((c) => ERROR_CATALOG[c].retryable));
    expect(Object.isFrozen(DEFAULT_RETRY_POLICY)).toBe(true);
  });

  it.each([
    { policy: { maxRetries: -1 }, want: "retry policy maxRetries must be a non-negative integer, got -1" },
    { policy: { maxRetries: 1.5 }, want: "maxRetries must be a non-negative integer" },
    { policy: { baseDelayMs: Number.NaN }, want: "baseDelayMs must be a number >= 0, got NaN" },
    { policy: { jitter: 2 }, want: "jitter must be a number from 0 to 1, got 2" },
    {
      policy: { retryStatuses: "503" as unknown as number[] },
      want: "retryStatuses must be an array of statuses or null, got string",
    },
    { policy: { random: 4 as unknown as () => number }, want: "random must be a function" },
  ])("rejects a wrong member: $want", ({ policy, want }) => {
    expect(() => retryDelayMs(err(503), 0, policy)).toThrow(want);
  });
});
