import { type ApiError, isApiError, parseErrorBody } from "../index.js";
import { hasAiSdkMarker } from "./call-error.js";

/** A header record the AI SDK put on an error, or none. */
const headersOf = (value: unknown): Record<string, string> =>
  typeof value === "object" && value !== null ? (value as Record<string, string>) : {};

/** A plain object with a string `message`: what an error part of a provider holds. */
const isPartError = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  !(value instanceof Error) &&
  typeof (value as { message?: unknown }).message === "string";

/**
 * A stream's error event as the server sent it: `rawValue` of a `raw` part (`streamText`
 * with `includeRawChunks: true`), whose `error` member is what a provider's schema then
 * trims (`@ai-sdk/anthropic` keeps only `type` and `message`): code and request id are here.
 */
const isRawErrorEvent = (value: unknown): boolean =>
  typeof value === "object" &&
  value !== null &&
  !(value instanceof Error) &&
  isPartError((value as { error?: unknown }).error);

/**
 * The contract's reading (`ApiError`: code, request id, type, doc URL, ...) of an error the
 * AI SDK threw or reported as a stream part, whichever way it was made: the `cause` of an
 * error from `createContractFetch`; for an `APICallError` of a provider (with
 * `contractErrorStructure` or none), its status, response headers and body read again;
 * for a `RetryError`, that of its last error; for the error object of an error part (what a
 * provider's schema kept of a later error event: `{ message, type, code }`), that object read
 * as an envelope's `error`; for a raw error event (`rawValue` of a `raw` part, with
 * `includeRawChunks: true`: the event as sent, every member kept), that event; for ai 7's `StreamProviderError` (how ai 7 reports a stream's
 * error part), the provider's payload it keeps in `data`. Null for anything else.
 */
export function toApiError(error: unknown): ApiError | null {
  try {
    // A RetryError's last error, then that one's: a few levels at most (a cycle ends here).
    let current = error;
    for (let depth = 0; depth < 4 && hasAiSdkMarker(current, "AI_RetryError"); depth++) current = current["lastError"];
    return readError(current);
  } catch {
    // A hostile object (a getter or proxy that throws) is not an error of the SDK's.
    return null;
  }
}

/** The ApiError of one error that is not a RetryError. */
function readError(error: unknown): ApiError | null {
  if (isApiError(error)) return error;
  if (hasAiSdkMarker(error, "AI_StreamProviderError")) return readStreamProviderError(error);
  if (!hasAiSdkMarker(error, "AI_APICallError")) {
    if (isRawErrorEvent(error)) return parseErrorBody({ status: 0, body: error });
    return isPartError(error) ? parseErrorBody({ status: 0, body: { error } }) : null;
  }
  if (isApiError(error["cause"])) return error["cause"];
  const { statusCode, responseHeaders, data, responseBody, url } = error;
  return parseErrorBody({
    status: typeof statusCode === "number" ? statusCode : 0,
    headers: headersOf(responseHeaders),
    body: data ?? (typeof responseBody === "string" ? responseBody : ""),
    ...(typeof url === "string" ? { url } : {}),
  });
}

/**
 * ai 7 wraps a stream's error part in a `StreamProviderError` whose `data` is the provider's
 * payload (the event's `error` object, or the whole event); without one, its own message,
 * type and code are what is left of it.
 */
function readStreamProviderError(error: Record<string, unknown>): ApiError {
  const { data, message, type, code } = error;
  const payload =
    typeof data === "object" && data !== null
      ? "error" in data
        ? data
        : { error: data }
      : { error: { message: typeof message === "string" ? message : "", type, code } };
  return parseErrorBody({ status: 0, body: payload });
}
