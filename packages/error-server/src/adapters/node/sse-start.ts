import { checkOptions } from "../../core/check-options.js";
import { requestIdFor } from "../../core/request-id.js";
import { eventStreamHeaders, SSE_HEADERS_OPTION_NAMES, type SseHeadersOptions } from "../../core/sse-headers.js";
import { type NodeRequest, type NodeResponse, nodeHeader } from "./response.js";

/**
 * Starts an event stream on `res`: `200 text/event-stream` with the request id under the
 * echo header and the dialect's own (see `sseHeaders`), sent at once. The id defaults to
 * the request's `x-request-id` (or `requestIdHeader`'s), resolved as `sendSseError` resolves
 * it, so the stream's head and its error event name the same id. Headers set earlier
 * (`res.setHeader`, CORS) are kept. Returns the id sent, if any. Throws a TypeError for a
 * wrong option; call it before writing anything.
 */
export function startSse(res: NodeResponse, options?: SseHeadersOptions): string | undefined {
  checkOptions(options, "startSse", SSE_HEADERS_OPTION_NAMES, false);
  const req = (res as { req?: NodeRequest }).req;
  const requestId = requestIdFor(options, (name) => nodeHeader(req, name));
  const head = eventStreamHeaders({ ...options, requestId });
  const out = res as unknown as {
    writeHead(status: number, headers: Record<string, string>): unknown;
    flushHeaders(): void;
  };
  out.writeHead(200, head);
  // Sent now: a client (and its SDK) sees the stream start, with its id, before the first event.
  out.flushHeaders();
  return requestId;
}
