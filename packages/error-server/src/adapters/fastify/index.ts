/**
 * `@org/error-server/fastify`: a Fastify 5 plugin that answers every error and unknown
 * route with the contract's envelope. Fastify is imported for types only (optional peer).
 * @packageDocumentation
 */
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import { createError } from "../../core/create-error.js";
import { isContractError } from "../../core/contract-error.js";
import { reportAfterHeadersSent, safeErrorResponse } from "../../core/error-response.js";
import { ENTITY_HEADERS } from "../../core/headers.js";
import { isHttpErrorStatus } from "../../core/http-status.js";
import { bodyReadFailed, bodyTooLarge, malformedJson, unsupportedMediaType } from "../../core/body.js";
import { mapSafely } from "../../core/framework-error.js";
import { requestIdFor } from "../../core/adapter-options.js";
import type { AdapterOptions, ErrorContext, ServerOptions } from "../../core/options.js";
import { routeNotFound } from "../../core/route-not-found.js";
import { paramOfValidation, type ValidationItem } from "./validation-param.js";

/** Options of the plugin and of `errorHandler` / `notFoundHandler`. */
export interface FastifyErrorOptions extends AdapterOptions<FastifyRequest> {
  /** Also answer unknown routes (`setNotFoundHandler`); turn off if you set your own. @default true */
  notFound?: boolean;
}

/**
 * Fastify's own errors in the contract's terms: schema validation -> 400 `invalid_request`
 * with `param` naming the field; bad or empty JSON -> 400 `bad_request_body`; payload too
 * large -> 413, unsupported media type -> 415, wrong content-length -> 400 (all
 * `read_request_body_failed`); other `FST_` 4xx keep their status and message. Anything
 * else is left for the generic 500 (throw a ContractError to choose the status).
 */
export function fromFastifyError(error: unknown): unknown {
  if (isContractError(error) || !(error instanceof Error)) return error;
  const e = error as Error & { code?: unknown; statusCode?: unknown; validation?: unknown; validationContext?: unknown };
  if (Array.isArray(e.validation)) {
    return createError("invalid_request", e.message || undefined, { param: paramOfValidation(e.validation[0] as ValidationItem | undefined), cause: error });
  }
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return bodyTooLarge(undefined, error);
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return malformedJson(error);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return unsupportedMediaType(error);
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return bodyReadFailed(error);
  }
  if (typeof e.code === "string" && e.code.startsWith("FST_") && isHttpErrorStatus(e.statusCode) && e.statusCode < 500) {
    return createError(e.statusCode, e.message || undefined, { cause: error });
  }
  return error;
}

/** Options for one request: its id, and Fastify's logger as the default `onError`. */
function perRequest(options: FastifyErrorOptions | undefined, request: FastifyRequest): ServerOptions<FastifyRequest> {
  const { getRequestId: _, notFound: __, ...rest } = options ?? {};
  const requestId = requestIdFor(options, request, () => {
    const value = request.headers["x-request-id"];
    return Array.isArray(value) ? value[0] : value;
  });
  const logToFastify = (error: unknown, context: ErrorContext<FastifyRequest>): void => {
    if (context.unexpected || context.headersSent) request.log.error({ err: error, headersSent: context.headersSent }, "@org/error-server: unexpected error");
  };
  return { ...rest, requestId, onError: rest.onError ?? logToFastify };
}

/** The error handler: `app.setErrorHandler(errorHandler(options))` (the plugin does this). */
export function errorHandler(options?: FastifyErrorOptions): (error: unknown, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    const opts = perRequest(options, request);
    if (reply.sent || reply.raw.headersSent) {
      // A stream failed midway: no second response; end the connection so the client sees the failure.
      reportAfterHeadersSent(error, opts, request);
      reply.hijack();
      if (!reply.raw.writableEnded) reply.raw.destroy();
      return;
    }
    const { status, headers, body } = safeErrorResponse(mapSafely(fromFastifyError, error), opts, request);
    for (const name of ENTITY_HEADERS) reply.removeHeader(name);
    void reply.code(status).headers(headers).send(JSON.stringify(body));
  };
}

/** The not-found handler: `app.setNotFoundHandler(notFoundHandler(options))`. 404, code `null`. */
export function notFoundHandler(options?: FastifyErrorOptions): (request: FastifyRequest, reply: FastifyReply) => void {
  return (request, reply) => {
    const { status, headers, body } = safeErrorResponse(routeNotFound(request.method, request.url), perRequest(options, request), request);
    void reply.code(status).headers(headers).send(JSON.stringify(body));
  };
}

const plugin: FastifyPluginCallback<FastifyErrorOptions> = (app, options, done) => {
  app.setErrorHandler(errorHandler(options));
  if (options.notFound !== false) app.setNotFoundHandler(notFoundHandler(options));
  done();
};
// What fastify-plugin would set: apply to the parent scope (not an encapsulated child),
// so routes registered next to the plugin get its handlers. No runtime import needed.
Object.defineProperty(plugin, Symbol.for("skip-override"), { value: true });
Object.defineProperty(plugin, Symbol.for("fastify.display-name"), { value: "@org/error-server" });

/** The plugin: `await app.register(contractErrors, options)`. Sets the error and not-found handlers. */
export const contractErrors: FastifyPluginCallback<FastifyErrorOptions> = plugin;
