import { ERROR_CATALOG, ERROR_CODES, type ErrorCode, isErrorCode } from "@org/error-types";
import { ContractError, type ContractErrorInit } from "./contract-error.js";
import { type HttpErrorStatus, isHttpErrorStatus } from "./http-status.js";

/** Options of `createError`. */
export interface CreateErrorOptions {
  /** The request parameter the error is about, sent as `error.param`. @default undefined (no `param` member) */
  param?: string | null | undefined;
  /** The underlying error, for `onError` logs; never sent. @default undefined */
  cause?: unknown;
  /** Extra response headers. `content-type`, `x-should-retry`, `retry-after` and `x-request-id` are the package's. @default undefined */
  headers?: Record<string, string> | undefined;
  /** Seconds a client should wait, sent as `retry-after`; only for 429 and 503. @default undefined */
  retryAfter?: number | undefined;
}

/** Options of `createError(code, ...)`: also a status that overrides the catalog's. */
export interface CreateCodeErrorOptions extends CreateErrorOptions {
  /**
   * Overrides the catalog's status, for the rare code that fits more than one status (the
   * adapters answer an oversize body with `read_request_body_failed` and 413).
   * @default the code's catalog status
   */
  status?: HttpErrorStatus | undefined;
}

/** The catalog status of a code, as its literal type. */
export type CatalogStatus<C extends ErrorCode> = (typeof ERROR_CATALOG)[C]["status"];

/**
 * Creates the error for a catalog code: status, type and default message (the meaning)
 * come from the catalog, so `createError("model_not_found").status` is typed `404`.
 */
export function createError<C extends ErrorCode, S extends HttpErrorStatus>(
  code: C,
  message: string | undefined,
  options: CreateCodeErrorOptions & { status: S },
): ContractError<C, S>;
export function createError<C extends ErrorCode>(code: C, message?: string, options?: CreateCodeErrorOptions): ContractError<C, CatalogStatus<C>>;
/** Creates an error with no business code (`code: null`): 401, 404 for unknown routes, 429, ... */
export function createError<S extends HttpErrorStatus>(status: S, message?: string, options?: CreateErrorOptions): ContractError<null, S>;
export function createError(codeOrStatus: ErrorCode | HttpErrorStatus, message?: string, options?: CreateCodeErrorOptions): ContractError {
  if (message !== undefined && typeof message !== "string") throw new TypeError(`createError: message must be a string, got ${typeof message}`);
  // Only the options given: `exactOptionalPropertyTypes` keeps absent and undefined apart.
  const rest: Omit<ContractErrorInit, "status" | "code"> = {};
  if (message !== undefined) rest.message = message;
  if (options?.param !== undefined) rest.param = options.param;
  if (options?.cause !== undefined) rest.cause = options.cause;
  if (options?.headers !== undefined) rest.headers = options.headers;
  if (options?.retryAfter !== undefined) rest.retryAfter = options.retryAfter;
  if (typeof codeOrStatus === "number") {
    if (!isHttpErrorStatus(codeOrStatus)) throw new TypeError(`createError: status must be an integer from 400 to 599, got ${codeOrStatus}`);
    if (options?.status !== undefined) throw new TypeError("createError: options.status applies only to a code; pass the status as the first argument");
    return new ContractError({ status: codeOrStatus, code: null, ...rest });
  }
  if (!isErrorCode(codeOrStatus)) {
    const got = typeof codeOrStatus === "string" ? JSON.stringify(codeOrStatus) : `a ${typeof codeOrStatus}`;
    throw new TypeError(`createError: ${got} is not a catalog code; expected one of ${ERROR_CODES.join(", ")}, or an HTTP status from 400 to 599`);
  }
  const status = options?.status ?? ERROR_CATALOG[codeOrStatus].status;
  return new ContractError({ status, code: codeOrStatus, ...rest });
}
