/**
 * `@org/error-server/node`: contract errors for `node:http` and the `http2` compatibility API.
 * @packageDocumentation
 */
import { adapterOptions } from "../../core/adapter-options.js";
import { requestIdFor } from "../../core/request-id.js";
import { checkOptions, SERVER_OPTION_NAMES } from "../../core/check-options.js";
import type { AdapterOptions, ServerOptions } from "../../core/options.js";
import { routeNotFound } from "../../core/route-not-found.js";
import { type NodeRequest, type NodeResponse, nodeHeader, writeNodeError } from "./response.js";

export { DEFAULT_BODY_LIMIT, type ReadJsonBodyOptions } from "../../core/body.js";
export type { NodeRequest, NodeResponse } from "./response.js";
export { readJsonBody } from "./read-json-body.js";
export { serveErrorCatalog } from "./error-catalog.js";
export { sendSseError } from "./sse-error.js";
export { startSse } from "./sse-start.js";
export type { SseHeadersOptions } from "../../core/sse-headers.js";

/** The request a response answers (`res.req`, set by Node for both http and http2). */
const requestOf = (res: NodeResponse): NodeRequest | undefined => (res as { req?: NodeRequest }).req;

/**
 * Answers `error` on `res` with the contract's envelope (see `toErrorResponse`). The request
 * id defaults to the incoming `x-request-id` (or the `requestIdHeader` option's header).
 * Every header of the failed representation is dropped first. If the response has already
 * started it ends the connection and reports to `onError` instead. Never throws: if the
 * `validate` safety net fires, it answers a generic 500 and reports the `ErrorBodyValidationError`.
 */
export function sendError(res: NodeResponse, error: unknown, options?: ServerOptions<NodeRequest>): void {
  checkOptions(options, "sendError", SERVER_OPTION_NAMES, false);
  const req = requestOf(res);
  const requestId = requestIdFor(options, (name) => nodeHeader(req, name));
  // The options as given when they already say this id (none found, none given): no copy per error.
  writeNodeError(res, error, options?.requestId === requestId ? options : { ...options, requestId }, req);
}

/** Answers 404, code `null`, naming the method and path of `res`'s request (never its query string). */
export function sendNotFound(res: NodeResponse, options?: ServerOptions<NodeRequest>): void {
  const req = requestOf(res);
  sendError(res, routeNotFound(req?.method, req?.url), options);
}

/**
 * Wraps a request listener so that whatever it throws or rejects with, synchronously or
 * not, is answered by `sendError`: `http.createServer(withErrorHandling(handler))`.
 */
export function withErrorHandling<Req extends NodeRequest, Res extends NodeResponse>(
  handler: (req: Req, res: Res) => unknown,
  options?: AdapterOptions<NodeRequest>,
): (req: Req, res: Res) => void {
  const resolve = adapterOptions(options, "withErrorHandling");
  return (req, res) => {
    const fail = (error: unknown): void =>
      writeNodeError(
        res,
        error,
        resolve(req, (name) => nodeHeader(req, name)),
        req,
      );
    try {
      const result = handler(req, res);
      if (isThenable(result)) result.then(undefined, fail);
    } catch (error) {
      fail(error);
    }
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
