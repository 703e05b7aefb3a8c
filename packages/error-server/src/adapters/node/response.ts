import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { reportAfterHeadersSent, safeErrorResponse } from "../../core/error-response.js";
import { ENTITY_HEADERS } from "../../core/headers.js";
import type { ServerOptions } from "../../core/options.js";

/** A `node:http` response or an `http2` compatibility-API response. */
export type NodeResponse = ServerResponse | Http2ServerResponse;
/** A `node:http` request or an `http2` compatibility-API request. */
export type NodeRequest = IncomingMessage | Http2ServerRequest;

// The members both response kinds share, so one code path serves both without casts at each call.
interface ResponseLike {
  readonly headersSent: boolean;
  readonly writableEnded: boolean;
  removeHeader(name: string): void;
  getHeaderNames(): string[];
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(chunk: string): unknown;
  destroy(): unknown;
}


/**
 * The incoming `x-request-id` (first one if repeated). Read from `rawHeaders`, not
 * `req.headers`: Node builds that object lazily, on first access, and an error response
 * should not pay for parsing every header of the request to find one.
 */
export function incomingRequestId(req: { rawHeaders?: string[]; headers?: IncomingHttpHeaders } | undefined): string | undefined {
  const raw = req?.rawHeaders;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = raw[i] as string;
      if (name.length === 12 && name.toLowerCase() === "x-request-id") return raw[i + 1];
    }
    return undefined;
  }
  const value = req?.headers?.["x-request-id"];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Writes the error response on a Node response. Headers set earlier (CORS, ...) are kept,
 * entity headers are dropped. When the response has already started, nothing is written:
 * the connection is ended (so the client sees a broken response, not a short one) and the
 * error goes to `onError`. Never throws.
 */
export function writeNodeError<Req>(res: NodeResponse, error: unknown, options: ServerOptions<Req> | undefined, request: Req | undefined): void {
  const out = res as unknown as ResponseLike;
  if (out.headersSent || out.writableEnded) {
    reportAfterHeadersSent(error, options, request);
    // A finished response is left alone: its connection may already serve the next request.
    if (!out.writableEnded) out.destroy();
    return;
  }
  const { status, headers, body } = safeErrorResponse(error, options, request);
  const json = JSON.stringify(body);
  try {
    // Usually no header was set at all: one call instead of a removeHeader per entity header.
    for (const name of out.getHeaderNames()) if (ENTITY_HEADERS.has(name)) out.removeHeader(name);
    // `headers` is this response's own fresh object: add to it rather than copy it.
    headers["content-length"] = String(Buffer.byteLength(json));
    out.writeHead(status, headers);
    out.end(json);
  } catch (writeError) {
    // The socket broke under us, or a header set earlier was refused: end the connection.
    reportAfterHeadersSent(writeError, options, request);
    out.destroy();
  }
}
