import { ApiError } from "./api-error.js";

// Error codes of real transport failures, where trying again may work: refused, reset or
// aborted connections, DNS, unreachable hosts, broken pipes and timeouts (Node and undici,
// which puts them in `cause.code` of its "fetch failed" TypeError).
const TRANSIENT = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "EHOSTDOWN",
  "UND_ERR_SOCKET",
  "UND_ERR_CLOSED",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
]);
// What browsers reject with when no response came (Chrome, Firefox, Safari): no code there.
const BROWSER_NETWORK =
  /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed|Network request failed)$/;

/** The transport code in `e` or its causes (at most 4 deep), else null. */
function transientCode(e: unknown): string | null {
  for (let i = 0, x = e; i < 4 && typeof x === "object" && x !== null; i++, x = (x as { cause?: unknown }).cause) {
    const code = (x as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT.has(code)) return code;
  }
  return null;
}

/**
 * True when fetch rejected because the transport failed (no response came) rather than
 * because the call was wrong: an invalid URL, an unsupported scheme or blocked port, a header
 * value with CR/LF, GET with a body, or a TypeError from a custom fetch. Those are
 * programming errors, thrown as they are.
 */
export function isTransportFailure(e: unknown): boolean {
  return transientCode(e) !== null || (e instanceof Error && e.cause === undefined && BROWSER_NETWORK.test(e.message));
}

/** The ApiError for a call stopped by the caller's signal (never retried). */
export function abortedError(url: string | null, reason: unknown): ApiError {
  const why =
    reason instanceof Error && reason.name === "TimeoutError"
      ? "the caller's signal timed out"
      : "the caller's signal aborted the request";
  return new ApiError({ kind: "aborted", url, detail: why, cause: reason });
}

/** The ApiError for a call whose `timeBudgetMs` ran out (never retried). */
export function budgetError(url: string | null, budgetMs: number, status: number | null, cause?: unknown): ApiError {
  const what = status === null ? "no response came" : `the ${status} response's body did not end`;
  return new ApiError({
    kind: "timeout",
    status,
    url,
    detail: `${what} within the time budget of ${budgetMs} ms; the connection was cancelled`,
    cause,
  });
}

/**
 * The ApiError for a fetch that rejected: an abort when the caller's signal fired, a network
 * error (retried by default) for a transport failure. Anything else is rethrown as it is.
 */
export function transportError(e: unknown, url: string | null, signal: AbortSignal | null): ApiError {
  if (signal?.aborted) return abortedError(url, signal.reason);
  const code = transientCode(e);
  if (code === null && !isTransportFailure(e)) throw e;
  const message = e instanceof Error ? e.message : "the request failed before a response arrived";
  return new ApiError({ kind: "network", url, detail: code ? `${message} (${code})` : message, cause: e });
}
