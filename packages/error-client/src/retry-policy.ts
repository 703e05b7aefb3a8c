import { type ErrorCode, RETRYABLE_ERROR_CODES } from "@org/error-types";

/** How `fetchWithContract` retries. Every member is optional; missing ones take the defaults. */
export interface RetryPolicy {
  /**
   * Retries after the first attempt (so at most `maxRetries + 1` requests).
   * @default 2
   */
  maxRetries?: number;
  /**
   * First backoff delay; doubles on every retry (500, 1000, 2000, ... ms) before jitter.
   * @default 500
   */
  baseDelayMs?: number;
  /**
   * Largest backoff delay, before jitter.
   * @default 8_000
   */
  maxDelayMs?: number;
  /**
   * Fraction of the backoff taken away at random (0 = no jitter): the delay is
   * `backoff * (1 - jitter * random())`.
   * @default 0.25
   */
  jitter?: number;
  /**
   * Longest wait a `retry-after-ms` / `Retry-After` header can ask for; longer asks are
   * clamped to this (and retried), not given up on.
   * @default 60_000
   */
  maxRetryAfterMs?: number;
  /**
   * Total time for the whole call: every attempt, reading error bodies, and the waits. When it
   * runs out the connection is cancelled and the call throws an `ApiError` of kind "timeout";
   * a retry whose wait would end later is not made.
   * @default Infinity (no budget)
   */
  timeBudgetMs?: number;
  /**
   * Statuses retried when the body has no catalog code; `null` for the contract's rule
   * (`isRetryableHttpStatus`: 408, 409, 429 and every 5xx except 501 and 505).
   * @default null
   */
  retryStatuses?: readonly number[] | null;
  /**
   * Catalog codes retried (a code decides before the status does).
   * @default the catalog codes marked `retryable`
   */
  retryableCodes?: readonly ErrorCode[];
  /**
   * Obey the server's `x-should-retry: true|false` header over codes and statuses.
   * @default true
   */
  respectShouldRetry?: boolean;
  /**
   * Retry `network` failures: no response came (refused or reset connection, DNS, `Response.error()`).
   * @default true
   */
  retryNetworkErrors?: boolean;
  /**
   * Source of randomness for the jitter, in [0, 1).
   * @default Math.random
   */
  random?: () => number;
}

/** The defaults of every `RetryPolicy` member (frozen). */
// Marked pure so a bundle that never reads the defaults can drop them.
export const DEFAULT_RETRY_POLICY: Readonly<Required<RetryPolicy>> = /* @__PURE__ */ Object.freeze({
  maxRetries: 2,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  jitter: 0.25,
  maxRetryAfterMs: 60_000,
  timeBudgetMs: Infinity,
  retryStatuses: null,
  // Pure too: a spread (or a call) left unmarked would keep the whole object in every bundle.
  retryableCodes: /* @__PURE__ */ Object.freeze(/* @__PURE__ */ RETRYABLE_ERROR_CODES.slice()),
  respectShouldRetry: true,
  retryNetworkErrors: true,
  random: Math.random,
});

function check(ok: boolean, name: string, want: string, got: unknown): void {
  if (!ok)
    throw new TypeError(
      `@org/error-client: retry policy ${name} must be ${want}, got ${typeof got === "number" ? got : typeof got}`,
    );
}

/** A full policy: the given members over the defaults. A wrong member is a programming error, said plainly. */
export function resolveRetryPolicy(policy?: RetryPolicy): Readonly<Required<RetryPolicy>> {
  if (policy === undefined || policy === DEFAULT_RETRY_POLICY) return DEFAULT_RETRY_POLICY;
  const p = { ...DEFAULT_RETRY_POLICY } as Required<RetryPolicy>;
  for (const key of Object.keys(DEFAULT_RETRY_POLICY) as (keyof RetryPolicy)[]) {
    const value = policy[key];
    if (value !== undefined) (p as Record<string, unknown>)[key] = value;
  }
  const num = (v: number, min: number) => typeof v === "number" && v >= min;
  check(Number.isInteger(p.maxRetries) && p.maxRetries >= 0, "maxRetries", "a non-negative integer", p.maxRetries);
  for (const key of ["baseDelayMs", "maxDelayMs", "maxRetryAfterMs", "timeBudgetMs"] as const)
    check(num(p[key], 0), key, "a number >= 0", p[key]);
  check(num(p.jitter, 0) && p.jitter <= 1, "jitter", "a number from 0 to 1", p.jitter);
  check(
    p.retryStatuses === null || Array.isArray(p.retryStatuses),
    "retryStatuses",
    "an array of statuses or null",
    p.retryStatuses,
  );
  check(Array.isArray(p.retryableCodes), "retryableCodes", "an array of codes", p.retryableCodes);
  check(typeof p.random === "function", "random", "a function", p.random);
  return p;
}
