import { ApiError, type ApiErrorKind } from "./api-error.js";
import { describeFailure } from "./failure-text.js";

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
// TLS: OpenSSL's and Node's codes (untrusted, self-signed, expired, wrong host, not TLS at all).
const TLS = /^(?:ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;
// Not HTTP: llhttp's parser errors, oversize headers, a content-encoding that does not decode.
const PROTOCOL = /^(?:HPE_|UND_ERR_HEADERS_OVERFLOW$|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$|Z_)/;
// undici's "fetch failed" causes that are the request's own mistake, not the exchange's.
const REFUSED_REQUEST = /^(?:bad port|unknown scheme|URL scheme must be)/;
// What a custom fetch throws for a bug in the call (as the runtime's own fetch would).
const isProgrammingError = (e: unknown): boolean =>
  e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError;
// What browsers reject with when no response came (Chrome, Firefox, Safari): no code there.
const BROWSER_NETWORK =
  /^(?:Failed to fetch|NetworkError when attempting to fetch resource\.|Load failed|Network request failed)$/;

/** The kind of a transport failure, by the codes in `e` and its causes (4 deep), else null. */
function kindOf(e: unknown): ApiErrorKind | null {
  try {
    for (let i = 0, x = e; i < 4 && typeof x === "object" && x !== null; i++, x = (x as { cause?: unknown }).cause) {
      const code = (x as { code?: unknown }).code;
      if (typeof code !== "string") continue;
      if (TRANSIENT.has(code)) return "network";
      if (TLS.test(code)) return "tls";
      if (PROTOCOL.test(code)) return "protocol";
    }
  } catch {
    return null; // a hostile getter: not a transport failure we can name
  }
  return e instanceof Error && e.cause === undefined && BROWSER_NETWORK.test(e.message) ? "network" : null;
}

/** The ApiError for a call stopped by the caller's signal (never retried); keeps the status when a response came. */
export function abortedError(url: string | null, reason: unknown, status: number | null = null): ApiError {
  const why =
    reason instanceof Error && reason.name === "TimeoutError"
      ? "the caller's signal timed out"
      : "the caller's signal aborted the request";
  return new ApiError({ kind: "aborted", status, url, detail: why, cause: reason });
}

/** The ApiError for a call whose `timeBudgetMs` ran out (never retried). */
export function budgetError(url: string | null, budgetMs: number, status: number | null, cause?: unknown): ApiError {
  const what = status === null ? "no response came" : `the ${status} response's body did not end`;
  return new ApiError({
    kind: "timeout",
    status,
    url,
    detail: `${what} within the time budget of ${budgetMs} ms; the request was cancelled`,
    cause,
  });
}

/**
 * The ApiError for a fetch that rejected: an abort when the caller's signal fired; `network`,
 * `tls` or `protocol` by the failure's code; `request` for anything else the fetch gave up on
 * (undici's "fetch failed" with no known code, such as a redirect a streamed body cannot
 * follow; a non-Error or a plain Error from a custom fetch). A TypeError, RangeError,
 * ReferenceError or SyntaxError that is not a transport failure (an invalid URL, a blocked
 * port, a bad header, a bug in a custom fetch) is the caller's programming error, rethrown.
 */
export function transportError(e: unknown, url: string | null, signal: AbortSignal | null): ApiError {
  if (signal?.aborted) return abortedError(url, signal.reason);
  let kind = kindOf(e);
  if (kind === null) {
    const cause =
      e instanceof TypeError && e.message === "fetch failed"
        ? (e.cause as { message?: unknown } | undefined)
        : undefined;
    const exchange = cause !== undefined && !REFUSED_REQUEST.test(String(cause.message));
    if (isProgrammingError(e) && !exchange) throw e;
    kind = "request";
  }
  return new ApiError({ kind, url, detail: describeFailure(e), cause: e });
}
