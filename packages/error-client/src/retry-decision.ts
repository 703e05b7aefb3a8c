import { isApiError } from "./api-error.js";
import type { ApiError } from "./api-error.js";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy.js";

/**
 * Whether the contract allows retrying `error` automatically. In order: aborts never;
 * the server's `x-should-retry` header decides if present; network errors do; a catalog
 * code retries iff the catalog marks it `retryable`; else the status must be in
 * `retryStatuses` (408, 409, 429, 500, 502, 503, 504). Anything not an ApiError: false.
 */
export function isRetryable(error: unknown, policy?: RetryPolicy): boolean {
  if (!isApiError(error) || error.kind === "aborted") return false;
  const p = resolveRetryPolicy(policy);
  if (p.respectShouldRetry && error.shouldRetry !== null) return error.shouldRetry;
  if (error.kind === "network") return p.retryNetworkErrors;
  if (error.code !== null) return p.retryableCodes.includes(error.code);
  return error.status !== null && p.retryStatuses.includes(error.status);
}

/**
 * How long to wait before retry number `attempt + 1` (attempt 0 is the first retry), or null
 * when `error` must not be retried or the retries are used up. The server's ask
 * (`retryAfterMs`) wins, clamped to `maxRetryAfterMs`; else exponential backoff with jitter:
 * `min(baseDelayMs * 2^attempt, maxDelayMs) * (1 - jitter * random())`.
 */
export function retryDelayMs(error: ApiError, attempt: number, policy?: RetryPolicy): number | null {
  const p = resolveRetryPolicy(policy);
  if (!Number.isInteger(attempt) || attempt < 0 || attempt >= p.maxRetries || !isRetryable(error, p)) return null;
  if (error.retryAfterMs !== null) return Math.min(error.retryAfterMs, p.maxRetryAfterMs);
  const backoff = Math.min(p.baseDelayMs * 2 ** attempt, p.maxDelayMs);
  // Jitter spreads the retries of many clients hit by the same outage.
  const random = Math.min(Math.max(p.random(), 0), 1);
  return Math.round(backoff * (1 - p.jitter * random));
}
