import type { ApiError } from "./api-error.js";
import { errorInSuccess } from "./error-in-success.js";
import { parseErrorResponse } from "./parse-error-response.js";
import { toCap } from "./parse-error-body.js";
import { isReplayable, signalOf, urlOf } from "./request-info.js";
import { retryDelayMs } from "./retry-decision.js";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import { abortedError, transportError } from "./transport-error.js";

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** The retry about to be made: 1 for the first retry. */
  retry: number;
  /** How long the wait before it is, in ms. */
  delayMs: number;
  /** The failure being retried. */
  error: ApiError;
}

/** Options of `fetchWithContract`. */
export interface FetchWithContractOptions {
  /**
   * The retry policy (members default as in `DEFAULT_RETRY_POLICY`), or `false` for one attempt.
   * @default DEFAULT_RETRY_POLICY
   */
  retry?: RetryPolicy | false;
  /**
   * The fetch to call (a wrapped one, a test double, a runtime's own).
   * @default globalThis.fetch
   */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
  /**
   * Most bytes read of an error body; the rest is cancelled.
   * @default 65_536
   */
  maxBodyBytes?: number;
  /**
   * Read 2xx JSON responses (a clone, capped) and raise when the body is an error envelope.
   * @default true
   */
  detectErrorsInSuccess?: boolean;
  /**
   * Called before each wait, for logs and metrics.
   * @default undefined
   */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * `fetch` that speaks the contract: returns the response when it succeeded, throws one
 * `ApiError` when it did not (error status, error envelope in a 2xx, network error, abort),
 * and retries only what the contract allows, waiting as the server asked. The caller's
 * `AbortSignal` cancels a pending wait at once. A streamed request body is never retried.
 */
export async function fetchWithContract(input: RequestInfo | URL, init?: RequestInit, options?: FetchWithContractOptions): Promise<Response> {
  const doFetch = options?.fetch ?? globalThis.fetch;
  if (typeof doFetch !== "function") throw new TypeError("@org/error-client: no fetch available; pass options.fetch");
  const policy = options?.retry === false ? { ...resolveRetryPolicy(), maxRetries: 0 } : resolveRetryPolicy(options?.retry);
  const maxBytes = toCap(options?.maxBodyBytes);
  const signal = signalOf(input, init);
  const url = urlOf(input);
  const replayable = isReplayable(input, init);
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortedError(url, signal.reason);
    let error: ApiError | null;
    try {
      const response = await doFetch(input, init);
      if (response.status >= 400) {
        error = await parseErrorResponse(response, { maxBodyBytes: maxBytes });
      } else {
        // 1xx/3xx (redirect: "manual") and opaque responses are the caller's to handle.
        const check = response.ok && options?.detectErrorsInSuccess !== false;
        error = check ? await errorInSuccess(response, maxBytes) : null;
        if (error === null) return response;
      }
    } catch (e) {
      error = transportError(e, url, signal);
    }
    // An abort while the error body was read is still the caller's abort.
    if (signal?.aborted) throw abortedError(url, signal.reason);
    const delay = replayable ? retryDelayMs(error, attempt, policy) : null;
    if (delay === null || Date.now() - started + delay > policy.timeBudgetMs) throw error;
    options?.onRetry?.({ retry: attempt + 1, delayMs: delay, error });
    try {
      await sleep(delay, signal);
    } catch (reason) {
      throw abortedError(url, reason);
    }
  }
}
