import {
  ERROR_CATALOG,
  type ErrorCode,
  type ErrorType,
  errorTypeForHttpStatus,
  isErrorCode,
  mayCarryRetryAfter,
  RETRY_AFTER_STATUSES,
} from "@org/error-types";
import { normalizeHeaders } from "./headers.js";
import { GENERIC_SERVER_ERROR_MESSAGE, isErrorStatusRange, statusText } from "./http-status.js";
import { capturesStack } from "./stack-policy.js";
import { checkUpstream, type UpstreamInfo } from "./upstream.js";

/**
 * Largest `retryAfter` sent, in seconds (one day): larger values are clamped to it. Why a
 * bound: a client told to wait 1e21 s would wait forever, and `String(1e21)` is "1e+21",
 * which is no Retry-After value at all (RFC 9110: a non-negative integer of seconds).
 */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

// Why a registered symbol and not only `instanceof`: the CJS build of each subpath carries
// its own copy of this class, and an app may load two copies of the package. The brand is
// shared by all of them.
const BRAND = Symbol.for("@org/error-server.ContractError");

/** What `new ContractError(...)` takes. `createError` fills it from the catalog. */
export interface ContractErrorInit<C extends ErrorCode | null = ErrorCode | null, S extends number = number> {
  /** HTTP status, an integer in 400..599. */
  status: S;
  /** Business code, or null for errors that have none. @default null */
  code?: C | undefined;
  /** `error.type`. @default the code's catalog type, else the category of the status */
  type?: ErrorType | undefined;
  /** Client-facing message. @default the code's catalog meaning, else a short status text */
  message?: string | undefined;
  /** The request parameter the error is about. @default undefined (no `param` member) */
  param?: string | null | undefined;
  /** Extra response headers (names are lower-cased; the package's own headers cannot be set). @default undefined */
  headers?: Record<string, string> | undefined;
  /** Seconds a client should wait, sent as `retry-after`: a finite number >= 0, rounded up, clamped to `MAX_RETRY_AFTER_SECONDS`; only for statuses that may carry it (`mayCarryRetryAfter`). @default undefined */
  retryAfter?: number | undefined;
  /** The underlying error, for logs (`onError`); never sent. @default undefined */
  cause?: unknown;
  /** The upstream provider the error started at, shown as `error.upstream` as the service's `attribution` allows (contract 1.2). @default undefined */
  upstream?: UpstreamInfo | undefined;
  /** Whether a client may retry, sent as `x-should-retry` instead of the catalog's word (a chained upstream said "don't retry"). @default the code's catalog `retryable` */
  retryable?: boolean | undefined;
}

/**
 * An error a handler throws to answer with the contract's envelope. Its message is meant
 * for clients (5xx messages are still redacted by default); its `cause` and stack are not.
 * Prefer `createError`, which takes status, type and message from the catalog.
 */
export class ContractError<C extends ErrorCode | null = ErrorCode | null, S extends number = number> extends Error {
  declare readonly name: "ContractError";
  /** Business code, or null. */
  declare readonly code: C;
  /** HTTP status of the response. */
  declare readonly status: S;
  /** `error.type` category. */
  declare readonly type: ErrorType;
  /** The request parameter the error is about, when there is one. */
  declare readonly param?: string | null;
  /** Extra response headers, lower-cased names. */
  declare readonly headers?: Readonly<Record<string, string>>;
  /** Seconds to wait before retrying, sent as `retry-after` (only statuses that may carry it: `mayCarryRetryAfter`). */
  declare readonly retryAfter?: number;
  /** The upstream provider the error started at (frozen), when it did. */
  declare readonly upstream?: Readonly<UpstreamInfo>;
  /** Whether a client may retry, when the error says so itself instead of the catalog. */
  declare readonly retryable?: boolean;

  constructor(init: ContractErrorInit<C, S>) {
    // A runtime check for plain-JS callers: the types say `init` is always an object.
    const given: unknown = init;
    if (typeof given !== "object" || given === null)
      throw new TypeError(
        `ContractError: expected an options object ({ status, code?, message?, ... }), got ${given === null ? "null" : typeof given}`,
      );
    const { status } = init;
    if (!isErrorStatusRange(status))
      throw new TypeError(`ContractError: status must be an integer from 400 to 599, got ${String(status)}`);
    const code = (init.code ?? null) as C;
    if (code !== null && typeof code !== "string")
      throw new TypeError(`ContractError: code must be a string or null, got ${typeof code}`);
    const known = isErrorCode(code) ? ERROR_CATALOG[code] : undefined;
    const message = init.message ?? known?.meaning ?? statusText(status);
    if (typeof message !== "string")
      throw new TypeError(`ContractError: message must be a string, got ${typeof message}`);
    // The stack policy: a 4xx needs no stack in production. Setting the limit around `super`
    // is how V8 is told not to capture one; it is put back at once, whatever happens. Under
    // --frozen-intrinsics the limit is read-only: the stack is then captured, the error stands.
    const limit = capturesStack(status) ? undefined : zeroStackLimit();
    try {
      super(message, init.cause === undefined ? undefined : { cause: init.cause });
    } finally {
      if (limit !== undefined) Error.stackTraceLimit = limit;
    }
    this.code = code;
    this.status = status;
    this.type = init.type ?? known?.type ?? errorTypeForHttpStatus(status);
    if (init.param !== undefined) {
      if (init.param !== null && typeof init.param !== "string")
        throw new TypeError(`ContractError: param must be a string or null, got ${typeof init.param}`);
      this.param = init.param;
    }
    if (init.headers !== undefined) this.headers = Object.freeze(normalizeHeaders(init.headers, "ContractError"));
    if (init.retryAfter !== undefined) this.retryAfter = checkRetryAfter(init.retryAfter, status);
    if (init.upstream !== undefined) this.upstream = checkUpstream(init.upstream, "ContractError");
    if (init.retryable !== undefined) {
      if (typeof init.retryable !== "boolean")
        throw new TypeError(`ContractError: retryable must be true or false, got ${typeof init.retryable}`);
      this.retryable = init.retryable;
    }
  }

  /**
   * `value` itself when it is a ContractError, otherwise a generic 500 (code null) with
   * `value` as its `cause`: nothing of `value` reaches the message.
   */
  static from(value: unknown): ContractError {
    if (isContractError(value)) return value;
    return new ContractError({ status: 500, message: GENERIC_SERVER_ERROR_MESSAGE, cause: value });
  }
}

// Why `declare` fields and a prototype `name`: class fields are defined on every instance
// (one defineProperty each) before the constructor assigns them; errors are made per
// request, and that doubled the cost of constructing one.
Object.defineProperty(ContractError.prototype, "name", { value: "ContractError", writable: true, configurable: true });

// The brand lives on the prototype, not on each instance: one property definition per
// process instead of one per error (a defineProperty per request showed in the benchmark).
Object.defineProperty(ContractError.prototype, BRAND, { value: true });

/** Sets `Error.stackTraceLimit` to 0 and returns what it was; undefined when it cannot be set (frozen intrinsics). */
function zeroStackLimit(): number | undefined {
  try {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    return limit;
  } catch {
    return undefined;
  }
}

/** Whole seconds, rounded up and clamped to `MAX_RETRY_AFTER_SECONDS`; a TypeError for values no client could use. */
function checkRetryAfter(seconds: number, status: number): number {
  if (!mayCarryRetryAfter(status))
    throw new TypeError(
      `ContractError: retryAfter is sent only with status ${RETRY_AFTER_STATUSES.join(" or ")}, not ${status}`,
    );
  const whole = retryAfterSeconds(seconds);
  if (whole === undefined)
    throw new TypeError(`ContractError: retryAfter must be a finite number of seconds >= 0, got ${String(seconds)}`);
  return whole;
}

/** `seconds` as a Retry-After value (whole, rounded up, clamped), or undefined when it is not a finite number >= 0. */
export function retryAfterSeconds(seconds: unknown): number | undefined {
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(Math.ceil(seconds), MAX_RETRY_AFTER_SECONDS);
}

/**
 * True for a `ContractError`, also one made by another copy of this package (CJS and ESM
 * builds, two installed versions). Never throws, even for a hostile Proxy.
 */
export function isContractError(value: unknown): value is ContractError {
  try {
    return (
      value instanceof ContractError ||
      (typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true)
    );
  } catch {
    return false;
  }
}
