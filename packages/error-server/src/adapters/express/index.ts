/**
 * `@org/error-server/express`: an Express 5 error-handling middleware and a not-found
 * handler. Express is not imported (types are structural), so it stays an optional peer.
 * @packageDocumentation
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { adapterOptions } from "../../core/adapter-options.js";
import { bodyReadFailed, bodyTooLarge, malformedJson, unsupportedMediaType } from "../../core/body.js";
import type { ContractError } from "../../core/contract-error.js";
import { type HttpErrorLike, mapFrameworkError } from "../../core/framework-error.js";
import type { AdapterOptions } from "../../core/options.js";
import { routeNotFound } from "../../core/route-not-found.js";
import { nodeHeader, writeNodeError } from "../node/response.js";

/** The Express request as far as this module reads it (`originalUrl` survives sub-routers). */
export type ExpressRequestLike = IncomingMessage & { originalUrl?: string };
/** Options of `errorHandler` and `notFoundHandler`. */
export type ExpressErrorOptions = AdapterOptions<ExpressRequestLike>;
/** Express's `next`. */
export type NextLike = (error?: unknown) => void;

/** body-parser's errors, by their `type`. */
function fromBodyParser(error: Error & HttpErrorLike & { limit?: unknown }): ContractError | undefined {
  switch (error.type) {
    case "entity.parse.failed":
      return malformedJson(error);
    case "entity.too.large":
    case "parameters.too.many":
      return bodyTooLarge(typeof error.limit === "number" ? error.limit : undefined, error);
    case "encoding.unsupported":
    case "charset.unsupported":
      return unsupportedMediaType(error);
    case "request.aborted":
    case "request.size.invalid":
      return bodyReadFailed(error);
  }
  return undefined;
}

/**
 * Express's own errors in the contract's terms. body-parser: bad JSON -> 400
 * `bad_request_body`; over the limit -> 413 and an unsupported charset or encoding -> 415
 * (`read_request_body_failed`); an aborted upload -> 400 `read_request_body_failed`. Every
 * other error with an http-errors `status`/`statusCode` keeps it (a bad URL encoding 400,
 * `sendFile`'s 404, `createHttpError(503)`), with its message when `expose` says so.
 * Anything else is left for the generic 500.
 */
export function fromExpressError(error: unknown): unknown {
  return mapFrameworkError(error, fromBodyParser);
}

/**
 * The error-handling middleware: `app.use(errorHandler(options))`, after every route.
 * Answers with the contract's envelope; when the response has already started it ends the
 * connection and reports to `onError` (it does not hand over to Express's default handler,
 * which would print a stack trace).
 */
export function errorHandler(
  options?: ExpressErrorOptions,
): (error: unknown, req: ExpressRequestLike, res: ServerResponse, next: NextLike) => void {
  const resolve = adapterOptions(options, "errorHandler");
  // Four parameters: that is how Express tells an error handler from a middleware.
  return (error, req, res, _next) => {
    writeNodeError(
      res,
      fromExpressError(error),
      resolve(req, (name) => nodeHeader(req, name)),
      req,
    );
  };
}

/** The not-found middleware: `app.use(notFoundHandler(options))`, after every route. 404, code `null`. */
export function notFoundHandler(
  options?: ExpressErrorOptions,
): (req: ExpressRequestLike, res: ServerResponse, next: NextLike) => void {
  const resolve = adapterOptions(options, "notFoundHandler");
  return (req, res, _next) => {
    writeNodeError(
      res,
      routeNotFound(req.method, req.originalUrl ?? req.url),
      resolve(req, (name) => nodeHeader(req, name)),
      req,
    );
  };
}
