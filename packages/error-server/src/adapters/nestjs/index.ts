/**
 * `@org/error-server/nestjs`: a global exception filter for NestJS (platform-express):
 * `app.useGlobalFilters(new ContractExceptionFilter())`. Needs `@nestjs/common` only for its
 * types; nothing of Nest is imported at run time.
 * @packageDocumentation
 */
import type { ArgumentsHost, ExceptionFilter } from "@nestjs/common";
import type { AdapterOptions, ServerOptions } from "../../index.js";
import { type NodeRequest, type NodeResponse, sendError } from "../node/index.js";
import { fromNestException } from "./map-exception.js";

export { fromNestException } from "./map-exception.js";
export { type ValidationErrorLike, validationExceptionFactory } from "./validation.js";

/** Options of `ContractExceptionFilter`: those of every adapter. */
export type ContractExceptionFilterOptions = AdapterOptions<NodeRequest>;

/** The Node response under Nest's: Express's `res` is one; Fastify's reply holds it in `raw`. */
function nodeResponseOf(response: unknown): NodeResponse {
  const raw = (response as { raw?: unknown }).raw;
  return (typeof raw === "object" && raw !== null && "writeHead" in raw ? raw : response) as NodeResponse;
}

/**
 * A catch-everything exception filter: `ContractError`s, Nest's `HttpException`s (see
 * `fromNestException`) and anything else (a generic 500, nothing leaked, reported to
 * `onError`) become the contract's envelope, with the headers of the other adapters
 * (`x-request-id`, `x-should-retry`, `retry-after`). No `@Catch()` needed: a filter with no
 * catch metadata catches everything. HTTP only: in RPC and WebSocket contexts the
 * exception is rethrown for Nest's own handler.
 */
export class ContractExceptionFilter implements ExceptionFilter {
  readonly #options: ContractExceptionFilterOptions;

  constructor(options?: ContractExceptionFilterOptions) {
    if (options !== undefined && (typeof options !== "object" || options === null)) throw new TypeError("ContractExceptionFilter: options must be an object");
    if (options?.getRequestId !== undefined && typeof options.getRequestId !== "function") throw new TypeError("ContractExceptionFilter: getRequestId must be a function");
    this.#options = { ...options };
  }

  /** Called by Nest with whatever a handler, guard, pipe or interceptor threw. */
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== "http") throw exception;
    const http = host.switchToHttp();
    sendError(nodeResponseOf(http.getResponse()), fromNestException(exception), this.#optionsFor(http.getRequest<NodeRequest>()));
  }

  /** The options for one request: the request id from `getRequestId` when given, else the adapter's default header. */
  #optionsFor(request: NodeRequest): ServerOptions<NodeRequest> {
    const { getRequestId, ...rest } = this.#options;
    if (getRequestId === undefined) return rest;
    let requestId: string | undefined;
    try {
      requestId = getRequestId(request);
    } catch {
      // A throwing getRequestId means no id, not a crash inside the exception path.
      requestId = undefined;
    }
    return { ...rest, requestId };
  }
}
