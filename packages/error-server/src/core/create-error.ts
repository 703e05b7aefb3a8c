import {
  ERROR_CATALOG,
  ERROR_CODES,
  type ErrorCode,
  HTTP_ERROR_STATUSES,
  isErrorCode,
  isHttpErrorStatus,
  isStatusAllowedForCode,
} from "@org/error-types";
import { ContractError, type ContractErrorInit } from "./contract-error.js";
import type { UpstreamInfo } from "./upstream.js";
import { type CodelessStatus, codelessStatuses, isCodelessStatus } from "./http-status.js";

/** Options of `createError`. */
export interface CreateErrorOptions {
  /** The request parameter the error is about, sent as `error.param`. @default undefined (no `param` member) */
  param?: string | null | undefined;
  /** The underlying error, for `onError` logs; never sent. @default undefined */
  cause?: unknown;
  /** Extra response headers. `content-type`, `x-should-retry`, `retry-after` and `x-request-id` are the package's. @default undefined */
  headers?: Record<string, string> | undefined;
  /** Seconds a client should wait, sent as `retry-after` (rounded up, at most `MAX_RETRY_AFTER_SECONDS`); only for statuses that may carry it. @default undefined */
  retryAfter?: number | undefined;
  /** The upstream provider the error started at, sent as `error.upstream` as the service's `attribution` allows (contract 1.2). @default undefined */
  upstream?: UpstreamInfo | undefined;
  /** Whether a client may retry, sent as `x-should-retry` instead of the catalog's word (a chained upstream said "don't retry"). @default the code's catalog `retryable` */
  retryable?: boolean | undefined;
}

/** The statuses the catalog allows for a code (`ERROR_CATALOG[code].statuses`), canonical first. */
export type AllowedStatus<C extends ErrorCode> = (typeof ERROR_CATALOG)[C]["statuses"][number];

/** Options of `createError(code, ...)`: also one of the code's other allowed statuses. */
export interface CreateCodeErrorOptions<S extends number = number> extends CreateErrorOptions {
  /**
   * One of the statuses the catalog allows for the code, instead of its canonical one
   * (`read_request_body_failed` with 413 for an oversize body).
   * @default the code's catalog status
   */
  status?: S | undefined;
}

/** The catalog status of a code, as its literal type. */
export type CatalogStatus<C extends ErrorCode> = (typeof ERROR_CATALOG)[C]["status"];

/**
 * Creates the error for a catalog code: status, type and default message (the meaning)
 * come from the catalog, so `createError("model_not_found").status` is typed `404`. The
 * options may come second, without a message: `createError(code, { param: "model" })`.
 * Statuses and code/status pairs the contract does not allow throw a TypeError naming
 * what is allowed (and do not compile).
 */
export function createError<C extends ErrorCode, S extends AllowedStatus<C>>(
  code: C,
  message: string | undefined,
  options: CreateCodeErrorOptions<S> & { status: S },
): ContractError<C, S>;
export function createError<C extends ErrorCode, S extends AllowedStatus<C>>(
  code: C,
  options: CreateCodeErrorOptions<S> & { status: S },
): ContractError<C, S>;
export function createError<C extends ErrorCode>(
  code: C,
  message?: string,
  options?: CreateCodeErrorOptions<AllowedStatus<C>>,
): ContractError<C, CatalogStatus<C>>;
export function createError<C extends ErrorCode>(
  code: C,
  options: CreateCodeErrorOptions<AllowedStatus<C>>,
): ContractError<C, CatalogStatus<C>>;
/** Creates an error with no business code (`code: null`), for the statuses the contract allows without one (`HTTP_STATUSES[status].codeless`). */
export function createError<S extends CodelessStatus>(
  status: S,
  message?: string,
  options?: CreateErrorOptions,
): ContractError<null, S>;
export function createError<S extends CodelessStatus>(status: S, options: CreateErrorOptions): ContractError<null, S>;
export function createError(
  codeOrStatus: ErrorCode | CodelessStatus,
  messageOrOptions?: string | CreateCodeErrorOptions,
  maybeOptions?: CreateCodeErrorOptions,
): ContractError {
  // Two variables, not a destructured pair: this runs once per error response.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- null passes typeof "object" for plain-JS callers
  const secondIsOptions = typeof messageOrOptions === "object" && messageOrOptions !== null;
  const message = secondIsOptions ? undefined : messageOrOptions;
  const options = secondIsOptions ? messageOrOptions : maybeOptions;
  if (message !== undefined && typeof message !== "string")
    throw new TypeError(`createError: message must be a string, got ${describe(message)}`);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check for plain-JS callers: the types say it cannot happen
  if (options !== undefined && (typeof options !== "object" || options === null))
    throw new TypeError(`createError: options must be an object, got ${describe(options)}`);
  if (typeof codeOrStatus === "number") {
    checkCodelessStatus(codeOrStatus);
    if (options?.status !== undefined)
      throw new TypeError("createError: options.status applies only to a code; pass the status as the first argument");
    return new ContractError(initOf(codeOrStatus, null, message, options));
  }
  if (!isErrorCode(codeOrStatus)) {
    const got = typeof codeOrStatus === "string" ? JSON.stringify(codeOrStatus) : describe(codeOrStatus);
    throw new TypeError(
      `createError: expected a catalog code (${ERROR_CODES.join(", ")}) or a status the contract allows without a code (${codelessStatuses().join(", ")}); got ${got}`,
    );
  }
  const entry = ERROR_CATALOG[codeOrStatus];
  const status = options?.status ?? entry.status;
  if (!isStatusAllowedForCode(codeOrStatus, status)) {
    throw new TypeError(
      `createError: ${codeOrStatus} may be sent with status ${entry.statuses.join(", ")}; got ${describe(status)}`,
    );
  }
  return new ContractError(initOf(status, codeOrStatus, message, options));
}

/**
 * The constructor's init: only the options given (`exactOptionalPropertyTypes` keeps absent
 * and undefined apart), built in one object rather than spread from a second one.
 */
function initOf(
  status: number,
  code: ErrorCode | null,
  message: string | undefined,
  options: CreateErrorOptions | undefined,
): ContractErrorInit {
  const init: ContractErrorInit = { status, code };
  if (message !== undefined) init.message = message;
  if (options === undefined) return init;
  if (options.param !== undefined) init.param = options.param;
  if (options.cause !== undefined) init.cause = options.cause;
  if (options.headers !== undefined) init.headers = options.headers;
  if (options.retryAfter !== undefined) init.retryAfter = options.retryAfter;
  if (options.upstream !== undefined) init.upstream = options.upstream;
  if (options.retryable !== undefined) init.retryable = options.retryable;
  return init;
}

/** A TypeError unless `status` is one the contract allows with `code: null`, naming those (or the codes it needs). */
function checkCodelessStatus(status: number): asserts status is CodelessStatus {
  if (isCodelessStatus(status)) return;
  if (isHttpErrorStatus(status)) {
    const codes = ERROR_CODES.filter((code) => isStatusAllowedForCode(code, status));
    throw new TypeError(
      `createError: status ${status} needs a code; use createError(code) with one of ${codes.join(", ")}`,
    );
  }
  throw new TypeError(
    `createError: status ${status} is not one the contract uses (${HTTP_ERROR_STATUSES.join(", ")}); without a code use ${codelessStatuses().join(", ")}`,
  );
}

/** What a wrong argument was, for messages: `null`, `undefined`, `a number (NaN)`, `an object`. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  const kind = Array.isArray(value) ? "array" : typeof value;
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}
