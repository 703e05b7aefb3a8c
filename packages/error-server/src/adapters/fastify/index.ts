/**
 * `@org/error-server/fastify`: a Fastify 5 plugin that answers every error and unknown
 * route with the contract's envelope. Fastify is imported for types only (optional peer).
 * @packageDocumentation
 */
import type { FastifyPluginCallback, FastifyReply, FastifyRequest } from "fastify";
import { adapterOptions } from "../../core/adapter-options.js";
import { bodyReadFailed, bodyTooLarge, malformedJson, unsupportedMediaType } from "../../core/body.js";
import type { ContractError } from "../../core/contract-error.js";
import { ADAPTER_OPTION_NAMES, checkOptions } from "../../core/check-options.js";
import { createError } from "../../core/create-error.js";
import { type HttpErrorLike, mapFrameworkError } from "../../core/framework-error.js";
import { isDroppedHeader, mergeVary } from "../../core/header-rules.js";
import type { AdapterOptions, ErrorContext, ErrorHook, ServerOptions } from "../../core/options.js";
import { defaultOnError } from "../../core/report.js";
import { routeNotFound } from "../../core/route-not-found.js";
import { nodeHeader, writeNodeError } from "../node/response.js";
import { paramOfValidation, type ValidationItem } from "./validation-param.js";

/** Options of the plugin and of `errorHandler` / `notFoundHandler` / `frameworkErrorHandler`. */
export interface FastifyErrorOptions extends AdapterOptions<FastifyRequest> {
  /** Also answer unknown routes (`setNotFoundHandler`); turn off if you set your own. @default true */
  notFound?: boolean;
}

// The plugin's options are ours plus `notFound`.
const FASTIFY_OPTION_NAMES: readonly string[] = [...ADAPTER_OPTION_NAMES, "notFound"];

/** Fastify's own errors, by their `code` and `validation`. */
function fromFastifyCodes(e: Error & HttpErrorLike & { validation?: unknown }): ContractError | undefined {
  if (Array.isArray(e.validation)) {
    return createError("invalid_request", e.message || undefined, {
      param: paramOfValidation(e.validation[0] as ValidationItem | undefined),
      cause: e,
    });
  }
  switch (e.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return bodyTooLarge(undefined, e);
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return malformedJson(e);
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return unsupportedMediaType(e);
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return bodyReadFailed(e);
  }
  return undefined;
}

/**
 * Fastify's own errors in the contract's terms: schema validation -> 400 `invalid_request`
 * with `param` naming the field; bad or empty JSON -> 400 `bad_request_body`; payload too
 * large -> 413, unsupported media type -> 415, wrong content-length -> 400 (all
 * `read_request_body_failed`). Every other error with a 4xx/5xx `statusCode` (Fastify's and
 * http-errors' convention, `FST_ERR_BAD_URL` included) keeps it. Anything else is the generic 500.
 */
export function fromFastifyError(error: unknown): unknown {
  return mapFrameworkError(error, fromFastifyCodes);
}

/**
 * The default `onError`: Fastify's logger when there is one (it has levels), else
 * `console.error`. Why: with `logger: false` (Fastify's default) `request.log` is a no-op,
 * and an unexpected error must never vanish.
 */
function logTo(request: FastifyRequest): ErrorHook<FastifyRequest> {
  // `log` may be absent on a hand-made request (a test, a plain-JS caller): typed optional here.
  const log = request.log as (FastifyRequest["log"] & { levelVal?: unknown }) | undefined;
  if (typeof log?.levelVal !== "number") return defaultOnError as ErrorHook<FastifyRequest>;
  return (error: unknown, context: ErrorContext<FastifyRequest>): void => {
    if (context.unexpected || !context.answered)
      log.error(
        { err: error, headersSent: context.headersSent, answered: context.answered },
        "@org/error-server: unexpected error",
      );
  };
}

/** Per-request options: the resolved id, and the default `onError` for this request. */
function resolver(
  options: FastifyErrorOptions | undefined,
  where: string,
): (request: FastifyRequest) => ServerOptions<FastifyRequest> {
  checkOptions(options, where, FASTIFY_OPTION_NAMES, true);
  const { notFound: _, ...rest } = options ?? {};
  const resolve = adapterOptions(rest, where);
  return (request) => {
    const opts = resolve(request, (name) => nodeHeader(request.raw, name));
    return opts.onError ? opts : { ...opts, onError: logTo(request) };
  };
}

/**
 * Answers on the raw response, after `reply.hijack()`. Why not `reply.send`: it runs the
 * `onSend` hooks again, and when one of them is what threw, Fastify falls back to its
 * default handler, which puts the raw message in the body. The headers Fastify holds for
 * the reply (`reply.header`, CORS plugins) are kept, minus the failed representation's.
 */
function answer(
  reply: FastifyReply,
  error: unknown,
  options: ServerOptions<FastifyRequest>,
  request: FastifyRequest,
): void {
  const raw = reply.raw;
  let held: Record<string, unknown> = {};
  try {
    held = reply.getHeaders() as Record<string, unknown>;
  } catch {
    held = {};
  }
  reply.hijack();
  if (!raw.headersSent) {
    for (const [name, value] of Object.entries(held)) {
      if (value === undefined || isDroppedHeader(name, value)) continue;
      try {
        // Vary set on the raw response too (reply.raw.setHeader, a node middleware) still holds: merged.
        if (name.toLowerCase() === "vary") raw.setHeader(name, mergeVary(raw.getHeader(name), mergeVary(value, "")));
        else raw.setHeader(name, value as string | string[]);
      } catch {
        // A header Node refuses is one the error response can do without.
      }
    }
  }
  writeNodeError(raw, error, options, request);
}

/** The error handler: `app.setErrorHandler(errorHandler(options))` (the plugin does this). */
export function errorHandler(
  options?: FastifyErrorOptions,
): (error: unknown, request: FastifyRequest, reply: FastifyReply) => void {
  const resolve = resolver(options, "errorHandler");
  return (error, request, reply) => answer(reply, fromFastifyError(error), resolve(request), request);
}

/**
 * For Fastify's `frameworkErrors` option: errors Fastify answers before any plugin or hook
 * runs (`FST_ERR_BAD_URL` for `GET /models/%zz`, a failed async constraint). Without it
 * those get Fastify's own body, not the envelope:
 * `Fastify({ frameworkErrors: frameworkErrorHandler() })`.
 */
export function frameworkErrorHandler(
  options?: FastifyErrorOptions,
): (error: unknown, request: FastifyRequest, reply: FastifyReply) => void {
  return errorHandler(options);
}

/** The not-found handler: `app.setNotFoundHandler(notFoundHandler(options))`. 404, code `null`. */
export function notFoundHandler(options?: FastifyErrorOptions): (request: FastifyRequest, reply: FastifyReply) => void {
  const resolve = resolver(options, "notFoundHandler");
  return (request, reply) => answer(reply, routeNotFound(request.method, request.url), resolve(request), request);
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
