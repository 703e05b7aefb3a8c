import { type ApiError, isApiError, withStack } from "./api-error.js";
import { errorInSuccess } from "./error-in-success.js";
import { DEFAULT_ERROR_BODY_TIMEOUT_MS, MAX_TIMER_DELAY_MS } from "./limits.js";
import { parseErrorResponse } from "./parse-error-response.js";
import { toCap } from "./parse-error-body.js";
import { checkRequest } from "./request-check.js";
import { isReplayable, signalOf, urlOf } from "./request-info.js";
import { assertResponse } from "./response-shape.js";
import { retryDelayMs } from "./retry-decision.js";
import { resolveRetryPolicy, type RetryPolicy } from "./retry-policy.js";
import { sleep } from "./sleep.js";
import { abortedError, budgetError, transportError } from "./transport-error.js";
import { withBudget, withJson } from "./request-init.js";
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
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
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
   * Called before each wait, for logs and metrics.
   * @default undefined
   */
  onRetry?: (event: RetryEvent) => void;
}

/**
 * `fetch` that speaks the contract: returns the response when it succeeded, throws one
 * `ApiError` when it did not (error status, error envelope in a 2xx, network error, abort,
 * time budget spent), and retries only what the contract allows, waiting as the server
 * asked. Programming errors (invalid URL, bad header, GET with a body, a TypeError from a
 * custom fetch) throw at once, unretried. A streamed request body is never retried.
 */
export async function fetchWithContract(
  input: RequestInfo | URL,
  init?: RequestInit,
  options?: FetchWithContractOptions,
): Promise<Response> {
  const doFetch = options?.fetch ?? globalThis.fetch;
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
  const started = Date.now();
  const budget = withBudget(sent, signal, policy.timeBudgetMs);
  const left = (): number => Math.min(policy.timeBudgetMs - (Date.now() - started), MAX_TIMER_DELAY_MS);
  // Retries made so far, for the caller's OpenTelemetry span (see otel.ts).
  let retries = 0;
  try {
    for (let attempt = 0; ; attempt++) {
      retries = attempt;
      if (signal?.aborted) throw abortedError(url, signal.reason);
      let error: ApiError | null;
      let status: number | null = null;
      try {
        const response = await doFetch(input, budget.init);
        assertResponse(response, "fetchWithContract (the fetch's result)");
        status = response.status;
        const timeout = Math.max(0, Math.min(bodyTimeout, left()));
        if (response.status >= 400) {
          error = await parseErrorResponse(response, { maxBodyBytes: maxBytes, timeoutMs: timeout });
        } else {
          // 1xx/3xx (redirect: "manual") and opaque responses are the caller's to handle.
          const check = response.ok && options?.detectErrorsInSuccess !== false;
          const found = check ? await errorInSuccess(response, maxBytes, timeout) : null;
          // A small body that did not arrive in time: within a budget, the budget is spent;
          // without one, the response is the caller's (its body is as slow for them).
          if ((found === "timeout" && budget.limited) || budget.expired())
            throw budgetError(url, policy.timeBudgetMs, status);
          if (found === null || found === "timeout") {
            recordCallOutcome(null, retries);
            return response;
          }
          error = found;
        }
      } catch (e) {
        if (budget.expired()) throw budgetError(url, policy.timeBudgetMs, status, e);
        error = transportError(e, url, signal);
      }
      // An abort while the error body was read is still the caller's abort.
      if (signal?.aborted) throw abortedError(url, signal.reason);
      if (budget.expired() || left() <= 0) throw budgetError(url, policy.timeBudgetMs, status, error);
      const delay = replayable ? retryDelayMs(error, attempt, policy) : null;
      if (delay === null || Date.now() - started + delay > policy.timeBudgetMs) throw withStack(error);
      options?.onRetry?.({ attempt: attempt + 1, delayMs: delay, error });
      try {
        await sleep(delay, signal);
      } catch (reason) {
        throw abortedError(url, reason);
      }
    }
  } catch (error) {
    // The call's outcome: an ApiError (programming errors are not a call's outcome).
    if (isApiError(error)) recordCallOutcome(error, retries);
    throw error;
  } finally {
    budget.done();
  }
}
