/**
 * `@org/error-server/fetch`: contract errors for Fetch-API servers: Hono (`app.onError`,
 * `app.notFound`), Cloudflare Workers, Deno, Bun and Next.js route handlers. No `node:` imports.
 * @packageDocumentation
 */
import { adapterOptions } from "../../core/adapter-options.js";
import { requestIdFor } from "../../core/request-id.js";
import { bodyTooLarge, malformedJson } from "../../core/body.js";
import type { ContractError } from "../../core/contract-error.js";
import { type HttpErrorLike, mapFrameworkError } from "../../core/framework-error.js";
import {
  type HonoContextLike,
  honoRequestId,
  isBadJsonBody,
  isSyntaxError,
  keptHeaders,
  withKept,
} from "./hono-context.js";
import { checkOptions, SERVER_OPTION_NAMES } from "../../core/check-options.js";
import type { AdapterOptions, ServerOptions } from "../../core/options.js";
import { respondToError } from "../../core/respond.js";
import { routeNotFound } from "../../core/route-not-found.js";
import { rethrowNextControlFlow } from "./next-control-flow.js";

export { DEFAULT_BODY_LIMIT, type ReadJsonBodyOptions } from "../../core/body.js";
export { readJsonBody } from "./read-json-body.js";
export { isNextControlFlowError } from "./next-control-flow.js";
export type { HonoContextLike } from "./hono-context.js";
export { sseResponse } from "./sse-response.js";
export type { SseHeadersOptions } from "../../core/sse-headers.js";

/**
 * Hono's `HTTPException` (matched by shape, Hono is not imported): the body limit's 413 ->
 * `read_request_body_failed`, the validator's malformed JSON -> `bad_request_body`; the
 * rest follows the common rule (4xx keep status and message, 5xx keep status, generic text).
 */
function fromHttpException(error: Error & HttpErrorLike & { getResponse?: unknown }): ContractError | undefined {
  if (typeof error.getResponse !== "function") return undefined;
  if (error.status === 413) return bodyTooLarge(undefined, error);
  if (error.status === 400 && /malformed json/i.test(error.message)) return malformedJson(error);
  return undefined;
}

const headerOf = (request: Request | undefined) => (name: string) => request?.headers.get(name);

/**
 * The contract's `Response` for `error` on `request`: the request id defaults to the
 * incoming `x-request-id` (or `requestIdHeader`'s), and `request` is handed to `onError`. Never throws.
 */
export function errorResponse(error: unknown, request?: Request, options?: ServerOptions<Request>): Response {
  checkOptions(options, "errorResponse", SERVER_OPTION_NAMES, false);
  return answer(error, request, options);
}

/** `errorResponse` for options already checked (the handlers' per-request ones). */
function answer(error: unknown, request: Request | undefined, options: ServerOptions<Request> | undefined): Response {
  const requestId = requestIdFor(options, headerOf(request));
  const { status, headers, body } = respondToError(
    mapFrameworkError(error, fromHttpException),
    { ...options, requestId },
    request,
    request?.headers.get("accept"),
  );
  return new Response(JSON.stringify(body), { status, headers });
}

/** 404, code `null`, naming the request's method and path (never its query string). */
export function notFoundResponse(request: Request, options?: ServerOptions<Request>): Response {
  checkOptions(options, "notFoundResponse", SERVER_OPTION_NAMES, false);
  return answer(notFound(request), request, options);
}

/** The 404 for a request's method and path. */
function notFound(request: Request): ContractError {
  let path: string | undefined;
  try {
    path = new URL(request.url).pathname;
  } catch {
    path = undefined;
  }
  return routeNotFound(request.method, path);
}

/**
 * Wraps a fetch handler (`(request, ...rest) => Response`) so that whatever it throws or
 * rejects with is answered by `errorResponse`: Workers' `fetch`, Next route handlers, Bun.serve.
 * Next.js control flow (`notFound()`, `redirect()`, ...: see `isNextControlFlowError`) is
 * rethrown for Next to handle.
 */
export function withErrorHandling<Args extends unknown[]>(
  handler: (request: Request, ...rest: Args) => Response | Promise<Response>,
  options?: AdapterOptions<Request>,
): (request: Request, ...rest: Args) => Promise<Response> {
  const resolve = adapterOptions(options, "withErrorHandling");
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      rethrowNextControlFlow(error);
      return answer(error, request, resolve(request, headerOf(request)));
    }
  };
}

/**
 * A Hono error handler: `app.onError(honoErrorHandler(options))`. A bad JSON body read
 * with `c.req.json()` is answered 400 `bad_request_body` (asynchronously: the body must be read).
 * Next.js control flow is rethrown (Hono inside a Next route handler), so that it leaves
 * `app.fetch` for Next.
 */
export function honoErrorHandler(
  options?: AdapterOptions<Request>,
): (error: unknown, c: HonoContextLike) => Response | Promise<Response> {
  const resolve = adapterOptions(options, "honoErrorHandler");
  return (error, c) => {
    rethrowNextControlFlow(error);
    // Hono's requestId() id first: it is the one already in the response header Hono adds.
    const opts = resolve(c.req.raw, headerOf(c.req.raw), honoRequestId(c));
    // The request-id header is the error response's own: the resolved id, or none when the id
    // Hono's middleware echoed is not one the contract accepts (header and body must agree).
    const kept = keptHeaders(c, opts.requestIdHeader);
    const cached = c.req.bodyCache?.text;
    if (isSyntaxError(error) && typeof (cached as { then?: unknown } | undefined)?.then === "function") {
      return isBadJsonBody(error, c).then((bad) =>
        withKept(answer(bad ? mapFrameworkError(error, () => malformedJson(error)) : error, c.req.raw, opts), kept),
      );
    }
    return withKept(answer(error, c.req.raw, opts), kept);
  };
}

/** A Hono not-found handler: `app.notFound(honoNotFoundHandler(options))`. */
export function honoNotFoundHandler(options?: AdapterOptions<Request>): (c: HonoContextLike) => Response {
  const resolve = adapterOptions(options, "honoNotFoundHandler");
  return (c) => answer(notFound(c.req.raw), c.req.raw, resolve(c.req.raw, headerOf(c.req.raw), honoRequestId(c)));
}
