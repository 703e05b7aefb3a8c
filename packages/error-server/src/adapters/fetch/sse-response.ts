import { checkOptions } from "../../core/check-options.js";
import { requestIdFor } from "../../core/request-id.js";
import { eventStreamHeaders, SSE_HEADERS_OPTION_NAMES, type SseHeadersOptions } from "../../core/sse-headers.js";

/**
 * A `200 text/event-stream` `Response` for `body` (a `ReadableStream` of event text) with
 * the headers of `sseHeaders`: the request id (default: the request's `x-request-id`, or
 * `requestIdHeader`'s, resolved as `errorResponse` resolves it) under the echo header and
 * the dialect's own, so the SDK of that surface reads it. Report a failure inside the
 * stream by enqueueing `sseErrorEvent(error, { dialect, requestId })`. Throws a TypeError
 * for a wrong option.
 */
export function sseResponse(body: BodyInit | null, request?: Request, options?: SseHeadersOptions): Response {
  checkOptions(options, "sseResponse", SSE_HEADERS_OPTION_NAMES, false);
  const requestId = requestIdFor(options, (name) => request?.headers.get(name));
  return new Response(body, { status: 200, headers: eventStreamHeaders({ ...options, requestId }) });
}
