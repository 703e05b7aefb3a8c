import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { Http2ServerRequest, Http2ServerResponse } from "node:http2";
import { reportAfterHeadersSent } from "../../core/report.js";
import { respondToError } from "../../core/respond.js";
import { isDroppedHeader, mergeVary } from "../../core/header-rules.js";
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
  getHeader(name: string): unknown;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(chunk: string): unknown;
  destroy(): unknown;
}

// RST_STREAM's INTERNAL_ERROR (RFC 9113 §7): what a cut http2 response ends with.
const NGHTTP2_INTERNAL_ERROR = 2;

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

/** Every line of a request header, joined with ", " as fetch's `Headers.get` does (a list header such as If-None-Match). */
export function nodeHeaderLines(
  req: { rawHeaders?: string[]; headers?: IncomingHttpHeaders } | undefined,
  name: string,
): string | undefined {
  const raw = req?.rawHeaders;
  if (!Array.isArray(raw)) return nodeHeader(req, name);
  let out: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i] as string;
    if (key.length === name.length && key.toLowerCase() === name)
      out = out === undefined ? raw[i + 1] : `${out}, ${raw[i + 1] as string}`;
  }
  return out;
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
  const request = (res as { req?: { method?: unknown } }).req;
  Object.assign(state, {
    _header: null,
    chunkedEncoding: false,
    _removedContLen: false,
    _removedTE: false,
    _contentLength: null,
    _trailer: "",
    _last: false,
    // A staged 204/304 told node the response has no body; the error has one (except for HEAD).
    _hasBody: request?.method !== "HEAD",
  });
  if (res.headersSent) return false;
  restoreHeadHeaders(res, head);
  return true;
}

/**
 * Headers given only to writeHead live in the built head's text alone: set the kept ones
 * again, every line of a repeated header (each `Set-Cookie`) included.
 */
function restoreHeadHeaders(res: ResponseLike, head: string): void {
  const set = res as unknown as {
    getHeader(name: string): unknown;
    setHeader(name: string, value: string | string[]): unknown;
  };
  const found = new Map<string, string[]>();
  for (const line of head.split("\r\n").slice(1)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === "date" || isDroppedHeader(name, value) || set.getHeader(name) !== undefined) continue;
    const values = found.get(name);
    if (values) values.push(value);
    else found.set(name, [value]);
  }
  for (const [name, values] of found) {
    try {
      set.setHeader(name, values.length === 1 ? (values[0] as string) : values);
    } catch {
      // Node accepted it once; if not now, the error response does without it.
    }
  }
}

/**
 * The request's `Accept` (its lines joined, as `req.headers.accept` has them), read from
 * `rawHeaders`. Why not `req.headers`: node builds that object on first read, and an error
 * answer should not build it for one header. Never throws: a hostile request has none.
 */
function acceptOf(req: NodeRequest | undefined): string | undefined {
  try {
    return nodeHeaderLines(req, "accept");
  } catch {
    return undefined;
  }
}

/**
 * Ends a started response so that the client sees it broken, never complete: http2 resets
 * the stream with INTERNAL_ERROR (a plain destroy sends RST_STREAM(NO_ERROR), which a client
 * takes for a complete response); http/1.1 closes the connection mid-body.
 */
export function cutOff(res: NodeResponse): void {
  try {
    const stream = (res as unknown as { stream?: { close?: unknown; destroyed?: unknown } }).stream;
    if (typeof stream === "object" && typeof stream.close === "function") {
      if (stream.destroyed !== true) (stream.close as (code: number) => void)(NGHTTP2_INTERNAL_ERROR);
      return;
    }
    (res as unknown as ResponseLike).destroy();
  } catch {
    // Already gone: nothing left to cut.
  }
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
  // A destroyed response (`res.destroy()`, a client gone) takes nothing more: onError is told
  // so, with headersSent as it was, rather than of a 500 that never left.
  // (http2's compatibility response has no `destroyed` of its own: its stream says it.)
  const destroyed =
    (res as { destroyed?: unknown }).destroyed === true ||
    (res as { stream?: { destroyed?: unknown } | null }).stream?.destroyed === true;
  if (out.writableEnded || destroyed || (out.headersSent && !unbuildHead(out))) {
    reportAfterHeadersSent(error, options, request, out.headersSent);
    // A finished response is left alone: its connection may already serve the next request.
    if (!out.writableEnded) cutOff(res);
    return;
  }
  const { status, headers, body } = respondToError(
    error,
    options,
    request,
    acceptOf(request as NodeRequest | undefined),
  );
  const json = JSON.stringify(body);
  try {
    for (const name of out.getHeaderNames()) if (isDroppedHeader(name, out.getHeader(name))) out.removeHeader(name);
    // `headers` is this response's own fresh object: add to it rather than copy it.
    headers["content-length"] = String(Buffer.byteLength(json));
    // The app's Vary (CORS's Origin) still holds: merged with the error's, not replaced.
    const vary = out.getHeader("vary");
    if (vary !== undefined) headers.vary = mergeVary(vary, headers.vary ?? "");
    // http/1.1: a statusMessage left by the app ("All Good") would go out with the error's
    // status; empty, node uses the status's own phrase. (http2 has none, and warns if set.)
    if (!("stream" in out)) (out as { statusMessage?: string }).statusMessage = "";
    out.writeHead(status, headers);
    out.end(json);
  } catch (writeError) {
    // The socket broke under us, or a header set earlier was refused: end the connection.
    reportAfterHeadersSent(writeError, options, request);
    cutOff(res);
  }
}
