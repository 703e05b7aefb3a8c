/**
 * `@org/error-server/express`: an Express 5 error-handling middleware and a not-found
 * handler. Express is not imported (types are structural), so it stays an optional peer.
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createError } from "../../core/create-error.js";
import { isContractError } from "../../core/contract-error.js";
import { isHttpErrorStatus } from "../../core/http-status.js";
import { bodyReadFailed, bodyTooLarge, malformedJson, unsupportedMediaType } from "../../core/body.js";
import { incomingRequestId, writeNodeError } from "../node/response.js";
import { mapSafely } from "../../core/framework-error.js";
import { requestIdFor } from "../../core/adapter-options.js";
import type { AdapterOptions } from "../../core/options.js";
import { routeNotFound } from "../../core/route-not-found.js";

/** The Express request as far as this module reads it (`originalUrl` survives sub-routers). */
export type ExpressRequestLike = IncomingMessage & { originalUrl?: string };
/** Options of `errorHandler` and `notFoundHandler`. */
export type ExpressErrorOptions = AdapterOptions<ExpressRequestLike>;
/** Express's `next`. */
export type NextLike = (error?: unknown) => void;

interface BodyParserError {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  expose?: unknown;
  limit?: unknown;
  message?: unknown;
}

/**
 * Express's own errors in the contract's terms. body-parser: bad JSON -> 400
 * `bad_request_body`; over the limit -> 413 and an unsupported charset or encoding -> 415
 * (`read_request_body_failed`); an aborted upload -> 400 `read_request_body_failed`.
 * Other http-errors marked `expose` (meant for clients) keep their 4xx status and message.
 * Anything else is left for the generic 500.
 */
export function fromExpressError(error: unknown): unknown {
  if (isContractError(error) || !(error instanceof Error)) return error;
  const e = error as Error & BodyParserError;
  switch (e.type) {
    case "entity.parse.failed":
      return malformedJson(error);
    case "entity.too.large":
    case "parameters.too.many":
      return bodyTooLarge(typeof e.limit === "number" ? e.limit : undefined, error);
    case "encoding.unsupported":
    case "charset.unsupported":
      return unsupportedMediaType(error);
    case "request.aborted":
    case "request.size.invalid":
      return bodyReadFailed(error);
  }
  const status = e.status ?? e.statusCode;
  if (e.expose === true && isHttpErrorStatus(status) && status < 500) return createError(status, e.message || undefined, { cause: error });
  return error;
}

const requestIdOf = (req: ExpressRequestLike, options: ExpressErrorOptions | undefined): string | undefined =>
  requestIdFor(options, req, () => incomingRequestId(req));

/**
 * The error-handling middleware: `app.use(errorHandler(options))`, after every route.
 * Answers with the contract's envelope; when the response has already started it ends the
 * connection and reports to `onError` (it does not hand over to Express's default handler,
 * which would print a stack trace).
 */
export function errorHandler(options?: ExpressErrorOptions): (error: unknown, req: ExpressRequestLike, res: ServerResponse, next: NextLike) => void {
  // Four parameters: that is how Express tells an error handler from a middleware.
  return (error, req, res, _next) => {
    const requestId = requestIdOf(req, options);
    writeNodeError(res, mapSafely(fromExpressError, error), { ...options, requestId }, req);
  };
}

/** The not-found middleware: `app.use(notFoundHandler(options))`, after every route. 404, code `null`. */
export function notFoundHandler(options?: ExpressErrorOptions): (req: ExpressRequestLike, res: ServerResponse, next: NextLike) => void {
  return (req, res, _next) => {
    const requestId = requestIdOf(req, options);
    writeNodeError(res, routeNotFound(req.method, req.originalUrl ?? req.url), { ...options, requestId }, req);
  };
}
