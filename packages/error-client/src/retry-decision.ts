import { isApiError } from "./api-error.js";
import type { ApiError } from "./api-error.js";
import { MAX_TIMER_DELAY_MS } from "./limits.js";
import { isRetryableHttpStatus, RETRYABLE_ERROR_CODES } from "@org/error-types";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy.js";

/**
 * Whether the contract allows retrying `error` automatically. In order: kinds other than
 * `http` and `network` (protocol, tls, request, aborted, timeout) never; the server's `x-should-retry` header decides if present; network errors do; a
 * catalog code retries iff the catalog marks it `retryable`; else the status decides
 * (`retryStatuses`, by default the contract's rule: 408, 409, 429 and every 5xx except 501
 * and 505). Anything not an ApiError: false.
 */
export function isRetryable(error: unknown, policy?: RetryPolicy): boolean {
  // Only an answer (http) or no answer (network) may be worth another try: a protocol or TLS
  // failure, a refused request, an abort or a spent budget would fail the same way again.
  if (!isApiError(error) || (error.kind !== "http" && error.kind !== "network")) return false;
  // The members read here, with their defaults, rather than a resolved policy: a browser
  // bundle that only asks "may I retry?" does not carry the policy's validation.
  if ((policy?.respectShouldRetry ?? true) && error.shouldRetry !== null) return error.shouldRetry;
  if (error.kind === "network") return policy?.retryNetworkErrors ?? true;
  if (error.code !== null) return (policy?.retryableCodes ?? RETRYABLE_ERROR_CODES).includes(error.code);
  const status = error.status;
  return status !== null && (policy?.retryStatuses?.includes(status) ?? isRetryableHttpStatus(status));
}

/**
 * How long to wait before retry number `attempt + 1` (attempt 0 is the first retry), or null
 * when `error` must not be retried or the retries are used up. The server's ask
 * (`retryAfterMs`) wins, clamped to `maxRetryAfterMs`; else exponential backoff with jitter:
 * `min(baseDelayMs * 2^attempt, maxDelayMs) * (1 - jitter * random())`. Never more than a
 * timer holds (2^31 - 1 ms): a longer one would fire at once.
 */
export function retryDelayMs(error: ApiError, attempt: number, policy?: RetryPolicy): number | null {
  const p = resolveRetryPolicy(policy);
  if (!Number.isInteger(attempt) || attempt < 0 || attempt >= p.maxRetries || !isRetryable(error, p)) return null;
  if (error.retryAfterMs !== null) return Math.min(error.retryAfterMs, p.maxRetryAfterMs, MAX_TIMER_DELAY_MS);
  const backoff = Math.min(p.baseDelayMs * 2 ** attempt, p.maxDelayMs, MAX_TIMER_DELAY_MS);
  // Jitter spreads the retries of many clients hit by the same outage. NaN from a broken
  // random() counts as 0.
  // A random() that throws counts as 0 too: a user callback never changes the outcome.
  let random = 0;
  try {
    random = Math.min(Math.max(p.random(), 0), 1) || 0;
  } catch {
    // keep 0
  }
  return Math.round(backoff * (1 - p.jitter * random));
}
