import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { reportAfterHeadersSent } from "../../core/error-response.js";
import { acceptOf, respondToError } from "../../core/respond.js";
import { isRepresentationHeader } from "../../core/headers.js";
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

// node:http's own state of a response whose head is built but not yet on the socket.
interface UnflushedHead {
  _header?: unknown;
  _headerSent?: unknown;
  outputData?: unknown;
  chunkedEncoding?: unknown;
}

/**
 * Reads a request header (first value if repeated). Reads `rawHeaders` when there are
 * some, not `req.headers`: Node builds that object lazily, on first access, and an error
 * response should not pay for parsing every header of the request to find one.
 */
export function nodeHeader(
  req: { rawHeaders?: string[]; headers?: IncomingHttpHeaders } | undefined,
  name: string,
): string | undefined {
  const raw = req?.rawHeaders;
  if (Array.isArray(raw)) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const key = raw[i] as string;
      if (key.length === name.length && key.toLowerCase() === name) return raw[i + 1];
    }
    return undefined;
  }
  const value = req?.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * `res.writeHead()` was called but nothing has reached the socket yet: node:http has only
 * built the head in memory. Forget it (and the framing it chose), so the error can still
 * be answered. True when that worked; false when the head is really gone (or http2).
 */
function unbuildHead(res: ResponseLike): boolean {
  const state = res as unknown as UnflushedHead & Record<string, unknown>;
  if (
    typeof state._header !== "string" ||
    state._headerSent !== false ||
    !Array.isArray(state.outputData) ||
    state.outputData.length > 0
  )
    return false;
  const head = state._header;
  Object.assign(state, {
    _header: null,
    chunkedEncoding: false,
    _removedContLen: false,
    _removedTE: false,
    _contentLength: null,
    _trailer: "",
    _last: false,
  });
  if (res.headersSent) return false;
  // Headers given only to writeHead live in that text alone: set the kept ones again.
  const set = res as unknown as { getHeader(name: string): unknown; setHeader(name: string, value: string): unknown };
  for (const line of head.split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (name === "date" || isRepresentationHeader(name) || set.getHeader(name) !== undefined) continue;
    try {
      set.setHeader(name, line.slice(colon + 1).trim());
    } catch {
      // Node accepted it once; if not now, the error response does without it.
    }
  }
  return true;
}

/**
 * Writes the error response on a Node response. Headers set earlier (CORS, ...) are kept;
 * every header of the failed representation is dropped, also after a `writeHead` that has
 * not reached the socket. When the response has really started, nothing is written: the
 * connection is ended (the client sees a broken response, not a short one) and the error
 * goes to `onError`. Never throws.
 */
export function writeNodeError<Req>(
  res: NodeResponse,
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
): void {
  const out = res as unknown as ResponseLike;
  if (out.writableEnded || (out.headersSent && !unbuildHead(out))) {
    reportAfterHeadersSent(error, options, request);
    // A finished response is left alone: its connection may already serve the next request.
    if (!out.writableEnded) out.destroy();
    return;
  }
  const { status, headers, body } = respondToError(error, options, request, acceptOf(request));
  const json = JSON.stringify(body);
  try {
    for (const name of out.getHeaderNames()) if (isRepresentationHeader(name)) out.removeHeader(name);
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
