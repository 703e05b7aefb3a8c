/**
 * `@org/error-server/nestjs`: a global exception filter for NestJS (platform-express):
 * `app.useGlobalFilters(new ContractExceptionFilter())`. Needs `@nestjs/common` only for its
 * types; nothing of Nest is imported at run time.
 * @packageDocumentation
 */
import type { ArgumentsHost, ExceptionFilter } from "@nestjs/common";
import { adapterOptions, type Resolve } from "../../core/adapter-options.js";
import type { AdapterOptions, ServerOptions } from "../../core/options.js";
import { type NodeRequest, type NodeResponse, nodeHeader, writeNodeError } from "../node/response.js";
import { fromNestException } from "./map-exception.js";
import { answerWsException } from "./ws-exception.js";

export { fromNestException } from "./map-exception.js";
export { type ValidationErrorLike, validationExceptionFactory } from "./validation.js";

/** Options of `ContractExceptionFilter`: those of every adapter. */
export type ContractExceptionFilterOptions = AdapterOptions<NodeRequest>;

/** The Node object under Nest's: Express's `req`/`res` are ones; Fastify's request and reply hold theirs in `raw`. */
function nodeOf<T>(value: unknown): T {
  const raw = typeof value === "object" && value !== null ? (value as { raw?: unknown }).raw : undefined;
  return (typeof raw === "object" && raw !== null ? raw : value) as T;
}

/**
 * A catch-everything exception filter: `ContractError`s, Nest's `HttpException`s (see
 * `fromNestException`) and anything else (a generic 500, nothing leaked, reported to
 * `onError`) become the contract's envelope, with the headers of the other adapters
 * (request id, `x-should-retry`, `retry-after`, problem+json when asked, representation
 * headers dropped) and the OpenTelemetry record. No `@Catch()` needed: a filter with no catch
 * metadata catches everything. HTTP only: in RPC and WebSocket contexts Nest's own behaviour
 * applies (see `catch`), and the process never dies of it.
 */
export class ContractExceptionFilter implements ExceptionFilter {
  readonly #resolve: Resolve<NodeRequest>;
  readonly #options: ServerOptions<unknown>;

  /** Checks `options` at once: a wrong option is a TypeError at startup, not at the first error. */
  constructor(options?: ContractExceptionFilterOptions) {
    this.#resolve = adapterOptions(options, "ContractExceptionFilter");
    this.#options = { onError: options?.onError as ServerOptions<unknown>["onError"] };
  }

  /**
   * Called by Nest with whatever a handler, guard, pipe or interceptor threw. HTTP gets the
   * contract's response; a WebSocket gateway gets what Nest's `BaseWsExceptionFilter` sends;
   * RPC (a hybrid app's microservice with `inheritAppConfig`), GraphQL and any other context
   * get nothing from here, which hands the exception back to Nest's own handler
   * (`BaseRpcExceptionFilter` answers `{ status: "error", message }`). Why not rethrow: a
   * throw from a filter escapes Nest's RPC and WS handlers and ends the process.
   */
  catch(exception: unknown, host: ArgumentsHost): void {
    const type = host.getType();
    if (type === "ws") return answerWsException(exception, host, this.#options);
    if (type !== "http") return undefined;
    const http = host.switchToHttp();
    const req = nodeOf<NodeRequest>(http.getRequest());
    writeNodeError(
      nodeOf<NodeResponse>(http.getResponse()),
      fromNestException(exception),
      this.#resolve(req, (name) => nodeHeader(req, name)),
      req,
    );
  }
}
