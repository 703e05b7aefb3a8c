import { ApiError, isApiError, withStack } from "./api-error.js";
import { errorInSuccess } from "./error-in-success.js";
import { DEFAULT_ERROR_BODY_TIMEOUT_MS } from "./limits.js";
import { readErrorResponse } from "./parse-error-response.js";
import { parseHttpDate } from "./retry-after.js";
import { toCap } from "./parse-error-body.js";
import { checkRequest } from "./request-check.js";
import { isReplayable, signalOf, urlOf } from "./request-info.js";
import { assertResponse } from "./response-shape.js";
import { toStatus } from "./build-error.js";
import type { FetchFunction, FetchInput } from "./fetch-types.js";
import { retryDelayMs } from "./retry-decision.js";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy.js";
import { abortedError, budgetError, transportError } from "./transport-error.js";
import { withJson } from "./request-init.js";
import { callBounds, STOPPED } from "./call-bounds.js";
import { discard, notify, settleFetch } from "./call-helpers.js";
import { describeFailure } from "./failure-text.js";
import { recordCallOutcome } from "./otel.js";

/** What `onRetry` is told before each wait. */
export interface RetryEvent {
  /** The retry about to be made: 1 for the first retry. */
  attempt: number;
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
  fetch?: FetchFunction;
  /**
   * A value sent as the JSON body: sets `body` to `JSON.stringify(json)` and `content-type`
   * to `application/json` (unless `init` names one). Not with `init.body`.
   * @default undefined
   */
  json?: unknown;
  /**
   * Most bytes read of an error body; the rest is cancelled.
   * @default 65_536
   */
  maxBodyBytes?: number;
  /**
   * Longest time reading one error body may take (also bounded by `timeBudgetMs`).
   * @default 10_000
   */
  errorBodyTimeoutMs?: number;
  /**
   * Raise when a 2xx JSON response is an error envelope (see README, "Errors inside 2xx").
   * Only bodies with a known `content-length` up to `maxBodyBytes` are looked at; streams never wait.
   * @default true
   */
  detectErrorsInSuccess?: boolean;
  /**
   * Called before each wait, for logs and metrics. What it does never changes the call: a
   * throw or a rejected promise is ignored, and a promise is not waited for.
   * @default undefined
   */
  onRetry?: (event: RetryEvent) => unknown;
}

/**
 * `fetch` that speaks the contract: returns the response when it succeeded, throws one
 * `ApiError` when it did not (error status, error envelope in a 2xx, a failed exchange of any
 * kind, abort, time budget spent), and retries only what the contract allows, waiting as the
 * server asked. Programming errors (invalid URL, bad header, GET with a body, a TypeError from
 * a custom fetch) throw at once, unretried. A streamed request body is never retried.
 */
export async function fetchWithContract(
  input: FetchInput,
  init?: RequestInit,
  options?: FetchWithContractOptions,
): Promise<Response> {
  const doFetch = options?.fetch ?? (globalThis.fetch as FetchFunction | undefined);
  if (typeof doFetch !== "function") throw new TypeError("@org/error-client: no fetch available; pass options.fetch");
  const policy =
    options?.retry === false ? { ...resolveRetryPolicy(), maxRetries: 0 } : resolveRetryPolicy(options?.retry);
  const maxBytes = toCap(options?.maxBodyBytes);
  const bodyTimeout = options?.errorBodyTimeoutMs ?? DEFAULT_ERROR_BODY_TIMEOUT_MS;
  if (typeof bodyTimeout !== "number" || !(bodyTimeout >= 0))
    throw new TypeError("@org/error-client: errorBodyTimeoutMs must be a number >= 0");
  const sent = withJson(init, options);
  if (options?.fetch === undefined) checkRequest(input, sent);
  const signal = signalOf(input, init);
  const url = urlOf(input);
  const replayable = isReplayable(input, sent);
  const budgetMs = policy.timeBudgetMs;
  const bounds = callBounds(signal, budgetMs);
  const fetchInit = bounds.signal ? { ...sent, signal: bounds.signal } : sent;
  /** The error of a call stopped by the caller's signal or the budget. */
  const stoppedError = (status: number | null, cause?: unknown): ApiError =>
    signal?.aborted ? abortedError(url, signal.reason, status) : budgetError(url, budgetMs, status, cause);
  // Retries made so far, for the caller's OpenTelemetry span (see otel.ts).
  let retries = 0;
  try {
    for (let attempt = 0; ; attempt++) {
      retries = attempt;
      if (signal?.aborted || bounds.expired()) throw stoppedError(null);
      let error: ApiError;
      let status: number | null = null;
      // Raced against the budget and the caller's signal: a fetch that ignores its signal
      // cannot hold the call (its late Response is cancelled, its late rejection ignored).
      const pending = settleFetch(doFetch, input, fetchInit);
      const outcome = await bounds.race(pending);
      if (outcome === STOPPED) {
        void pending.then((late) => "response" in late && discard(late.response));
        bounds.cancel();
        throw stoppedError(null);
      }
      if ("failure" in outcome) {
        if (bounds.expired() && !signal?.aborted) throw stoppedError(null, outcome.failure);
        error = transportError(outcome.failure, url, signal);
      } else {
        const response = outcome.response;
        assertResponse(response, "fetchWithContract (the fetch's result)");
        status = toStatus(response.status);
        // The budget ends a body read through `bounds.stopped` (then `expired()` is already
        // true), not through a shorter timeout that could fire a moment before it.
        const timeout = bodyTimeout;
        if (status === null && response.type !== "opaque" && response.type !== "opaqueredirect") {
          // Response.error() (status 0), or a status no server sends: no answer came.
          discard(response);
          error = new ApiError({
            kind: "network",
            url,
            detail: `the fetch gave a network error (status ${response.status})`,
          });
        } else if (status !== null && status >= 400) {
          error = await readErrorResponse(
            response,
            { maxBodyBytes: maxBytes, timeoutMs: timeout },
            url,
            bounds.stopped,
            describeFailure,
            parseHttpDate,
          );
          if (signal?.aborted || bounds.expired()) throw stoppedError(status, error);
        } else {
          // 1xx/3xx (redirect: "manual") and opaque responses are the caller's to handle.
          const check = response.ok && options?.detectErrorsInSuccess !== false;
          const found = check ? await errorInSuccess(response, maxBytes, timeout, url, bounds.stopped) : null;
          if (signal?.aborted) {
            discard(response);
            throw stoppedError(status);
          }
          // A small body that did not arrive in time, even past the budget, is a success
          // that arrived within it: the response is the caller's (its body is as slow for them).
          if (found === null || found === "timeout") {
            recordCallOutcome(null, retries);
            return response;
          }
          discard(response);
          error = found;
        }
      }
      if (signal?.aborted || bounds.expired()) throw stoppedError(status, error);
      const delay = replayable ? retryDelayMs(error, attempt, policy) : null;
      if (delay === null || delay > bounds.left()) throw withStack(error);
      notify(options?.onRetry, { attempt: attempt + 1, delayMs: delay, error });
      await bounds.sleep(delay);
    }
  } catch (error) {
    // The call's outcome: an ApiError (programming errors are not a call's outcome).
    if (isApiError(error)) recordCallOutcome(error, retries);
    throw error;
  } finally {
    bounds.done();
  }
}
