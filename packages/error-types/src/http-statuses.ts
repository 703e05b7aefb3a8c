import { ERROR_CATALOG } from "./generated/catalog.js";
import {
  HTTP_ERROR_STATUSES,
  type HttpErrorStatus,
  NON_RETRYABLE_STATUSES,
  OTHER_STATUS_TYPE,
  RETRY_AFTER_STATUSES,
  RETRYABLE_STATUSES,
  STATUS_CLASSES,
  STATUS_TYPES,
} from "./generated/http.js";
import type { ErrorType } from "./generated/types.js";

// Every fact below is read from the generated constants; these functions only look them up.

const has = (list: readonly number[], value: unknown): boolean => typeof value === "number" && list.includes(value);

const classOf = (status: number) => STATUS_CLASSES.find((c) => status >= c.from && status <= c.to);

/** True when `value` is one of the HTTP statuses the contract uses (`HTTP_ERROR_STATUSES`). */
export function isHttpErrorStatus(value: unknown): value is HttpErrorStatus {
  return has(HTTP_ERROR_STATUSES, value);
}

/** True when a response with `status` may carry `Retry-After` (`RETRY_AFTER_STATUSES`). */
export function mayCarryRetryAfter(status: number): boolean {
  return has(RETRY_AFTER_STATUSES, status);
}

/**
 * The `type` of an error with no business code, by HTTP status: the table's type for a
 * status of the contract, else the schema's class rule (other 4xx, other 5xx), else its
 * fallback type.
 */
export function errorTypeForHttpStatus(status: number): ErrorType {
  if (isHttpErrorStatus(status)) return STATUS_TYPES[status];
  return (Number.isInteger(status) && classOf(status)?.type) || OTHER_STATUS_TYPE;
}

/**
 * Whether a client may retry a response by its status alone (when the catalog and
 * `x-should-retry` say nothing): the schema's retry rule, never for non-integers.
 */
export function isRetryableHttpStatus(status: number): boolean {
  if (!Number.isInteger(status)) return false;
  if (has(RETRYABLE_STATUSES, status)) return true;
  if (has(NON_RETRYABLE_STATUSES, status)) return false;
  return classOf(status)?.retryable ?? false;
}

/** True when `code` is a catalog code that may be sent with `status` (`ERROR_CATALOG[code].statuses`). */
export function isStatusAllowedForCode(code: string, status: number): boolean {
  // Own keys only: "__proto__" or "toString" is no code.
  if (typeof code !== "string" || !Object.prototype.hasOwnProperty.call(ERROR_CATALOG, code)) return false;
  return has(ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].statuses, status);
}
