/**
 * The head of an event stream that reports its errors in a dialect. Why the request id on
 * the 200: once a stream has started, an error event is all a client gets, and SDKs read the
 * id from the response's headers (Anthropic's `err.requestID` from `request-id`, OpenAI's
 * from `x-request-id`), not from the event: the stream's own head must carry it.
 */
import { checkOptions } from "./check-options.js";
import type { Dialect } from "./dialect-facts.js";
import { DEFAULT_DIALECT } from "./dialect-option.js";
import { addDialectHeaders } from "./dialect-response.js";
import { REQUEST_ID_HEADER } from "./header-names.js";
import { sanitizeRequestId } from "./headers.js";

/** Options of `sseHeaders` (and of the adapters' `startSse` / `sseResponse`). */
export interface SseHeadersOptions {
  /** The stream's dialect: its errors' form and its request-id header(s). @default "openai" */
  dialect?: Dialect | undefined;
  /** The request id (visible ASCII, at most 200 characters, else not sent). The adapters default it to the request's. */
  requestId?: string | undefined;
  /** The header that echoes the id, as on error responses. @default "x-request-id" */
  requestIdHeader?: string | undefined;
}

/** The option names of `sseHeaders`. */
export const SSE_HEADERS_OPTION_NAMES: readonly string[] = ["dialect", "requestId", "requestIdHeader"];

/** The `content-type` of an event stream. */
export const EVENT_STREAM_CONTENT_TYPE = "text/event-stream; charset=utf-8";

/**
 * The headers of a `200 text/event-stream` response in `dialect`: the media type,
 * `cache-control: no-cache`, and the request id under the echo header and the dialect's
 * own (Anthropic: `request-id` too), the same headers an error response of that request
 * carries. Throws a TypeError for a wrong option.
 */
export function sseHeaders(options?: SseHeadersOptions): Record<string, string> {
  checkOptions(options, "sseHeaders", SSE_HEADERS_OPTION_NAMES, false);
  return eventStreamHeaders(options);
}

/** `sseHeaders` for options already checked. Internal. */
export function eventStreamHeaders(options: SseHeadersOptions | undefined): Record<string, string> {
  const headers: Record<string, string> = { "content-type": EVENT_STREAM_CONTENT_TYPE, "cache-control": "no-cache" };
  const id = sanitizeRequestId(options?.requestId);
  if (id !== undefined) headers[options?.requestIdHeader?.toLowerCase() ?? REQUEST_ID_HEADER] = id;
  addDialectHeaders(headers, options?.dialect ?? DEFAULT_DIALECT, id);
  return headers;
}
