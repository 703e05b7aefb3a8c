/**
 * `@org/error-server/fetch`: contract errors for Fetch-API servers: Hono (`app.onError`,
 * `app.notFound`), Cloudflare Workers, Deno, Bun and Next.js route handlers. No `node:` imports.
 * @packageDocumentation
 */
import { createError } from "../../core/create-error.js";
import { safeErrorResponse } from "../../core/error-response.js";
import { isContractError } from "../../core/contract-error.js";
import { sanitizeRequestId } from "../../core/headers.js";
import { isHttpErrorStatus } from "../../core/http-status.js";
import { bodyTooLarge, malformedJson } from "../../core/body.js";
import { mapSafely } from "../../core/framework-error.js";
import { requestIdFor } from "../../core/adapter-options.js";
import type { AdapterOptions, ServerOptions } from "../../core/options.js";
import { routeNotFound } from "../../core/route-not-found.js";

export { DEFAULT_BODY_LIMIT, type ReadJsonBodyOptions } from "../../core/body.js";
export { readJsonBody } from "./read-json-body.js";

/** The part of a Hono `Context` the handlers read (so this module needs no Hono import). */
export interface HonoContextLike {
  req: { raw: Request };
}

/**
 * Hono's `HTTPException` (matched by shape, Hono is not imported): the body limit's 413 ->
 * `read_request_body_failed`, the validator's malformed JSON -> `bad_request_body`, other
 * 4xx keep their status and message (Hono means them for the client), 5xx become generic.
 */
function fromHttpException(error: unknown): unknown {
  if (isContractError(error) || !(error instanceof Error)) return error;
  const { status, getResponse } = error as Error & { status?: unknown; getResponse?: unknown };
  if (typeof getResponse !== "function" || !isHttpErrorStatus(status)) return error;
  if (status === 413) return bodyTooLarge(undefined, error);
  if (status === 400 && /malformed json/i.test(error.message)) return malformedJson(error);
  if (status >= 500) return createError(status, undefined, { cause: error });
  return createError(status, error.message || undefined, { cause: error });
}

/**
 * The contract's `Response` for `error` on `request`: the request id defaults to the
 * incoming `x-request-id`, and `request` is handed to `onError`. Never throws.
 */
export function errorResponse(error: unknown, request?: Request, options?: ServerOptions<Request>): Response {
  // An explicit `requestId` (even undefined: `getRequestId` found none) wins over the header.
  const requestId = options !== undefined && "requestId" in options ? options.requestId : sanitizeRequestId(request?.headers.get("x-request-id"));
  const { status, headers, body } = safeErrorResponse(mapSafely(fromHttpException, error), { ...options, requestId }, request);
  return new Response(JSON.stringify(body), { status, headers });
}

/** 404, code `null`, naming the request's method and path (never its query string). */
export function notFoundResponse(request: Request, options?: ServerOptions<Request>): Response {
  let path: string | undefined;
  try {
    path = new URL(request.url).pathname;
  } catch {
    path = undefined;
  }
  return errorResponse(routeNotFound(request.method, path), request, options);
}

/**
 * Wraps a fetch handler (`(request, ...rest) => Response`) so that whatever it throws or
 * rejects with is answered by `errorResponse`: Workers' `fetch`, Next route handlers, Bun.serve.
 */
export function withErrorHandling<Args extends unknown[]>(
  handler: (request: Request, ...rest: Args) => Response | Promise<Response>,
  options?: AdapterOptions<Request>,
): (request: Request, ...rest: Args) => Promise<Response> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      return errorResponse(error, request, perRequest(options, request));
    }
  };
}

/** Adapter options resolved for one request: the request id read once. */
function perRequest(options: AdapterOptions<Request> | undefined, request: Request): ServerOptions<Request> {
  const { getRequestId: _, ...rest } = options ?? {};
  return { ...rest, requestId: requestIdFor(options, request, () => request.headers.get("x-request-id") ?? undefined) };
}

/** A Hono error handler: `app.onError(honoErrorHandler(options))`. */
export function honoErrorHandler(options?: AdapterOptions<Request>): (error: unknown, c: HonoContextLike) => Response {
  return (error, c) => errorResponse(error, c.req.raw, perRequest(options, c.req.raw));
}

/** A Hono not-found handler: `app.notFound(honoNotFoundHandler(options))`. */
export function honoNotFoundHandler(options?: AdapterOptions<Request>): (c: HonoContextLike) => Response {
  return (c) => notFoundResponse(c.req.raw, perRequest(options, c.req.raw));
}
