import { reportAfterHeadersSent } from "../../core/report.js";
import { respond } from "../../core/respond.js";
import { requestIdFor } from "../../core/request-id.js";
import { cutOff, type NodeRequest, type NodeResponse, nodeHeader, writeNodeError } from "./response.js";
import { type SseErrorEventOptions, sseDialect, sseEventText } from "../../core/sse-error-event.js";

// The members of both response kinds this helper uses.
interface StreamLike {
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
  getHeader(name: string): unknown;
  end(chunk: string): unknown;
  destroy(): unknown;
}

/**
 * False only when the response is known to be something else. Why not require the header:
 * `writeHead(200, { "content-type": ... })` writes its headers without storing them, so
 * `getHeader` cannot see them; the caller of an SSE helper is trusted then.
 */
const mayBeEventStream = (value: unknown): boolean =>
  value === undefined || (typeof value === "string" && value.trim().toLowerCase().startsWith("text/event-stream"));

/**
 * Reports `error` inside a started `text/event-stream` response: writes the contract's
 * error event (see `sseErrorEvent`) and ends the stream cleanly, so the client reads the
 * error instead of a broken connection. The request id defaults to the incoming
 * `x-request-id` (or the `requestIdHeader` option's header), as in `sendError`. Before the
 * stream has started it answers like `sendError` (the status can still say it); on a started
 * response whose `content-type` (as set with `setHeader`) is not `text/event-stream` it ends
 * the connection and reports to `onError`; on a finished one it only reports. Never throws
 * for the error or the socket; throws a TypeError at once for a wrong option (an unknown `dialect`).
 */
export function sendSseError(res: NodeResponse, error: unknown, options?: SseErrorEventOptions<NodeRequest>): void {
  const dialect = sseDialect(options, "sendSseError");
  const req = (res as { req?: NodeRequest }).req;
  const requestId = requestIdFor(options, (name) => nodeHeader(req, name));
  const { format: _, ...rest } = options ?? {};
  const opts = { ...rest, requestId, dialect };
  const out = res as unknown as StreamLike;
  if (!out.headersSent && !out.writableEnded) return writeNodeError(res, error, opts, req);
  if (out.writableEnded || out.destroyed || !mayBeEventStream(out.getHeader("content-type"))) {
    // Nothing can be added to a finished response; a non-SSE body would be corrupted by an event.
    reportAfterHeadersSent(error, opts, req);
    if (!out.writableEnded) cutOff(res);
    return;
  }
  // Two line ends first: they end a half-written line (`data: {"partial`) and a data line
  // still waiting for its blank line, so the error is an event of its own and not glued onto
  // the app's. At an event boundary they are blank lines with no data: no event (WHATWG SSE).
  const text = `\n\n${sseEventText(respond(error, opts, req, { safe: true, record: true }), dialect)}`;
  try {
    out.end(text);
  } catch (writeError) {
    reportAfterHeadersSent(writeError, opts, req);
    cutOff(res);
  }
}
