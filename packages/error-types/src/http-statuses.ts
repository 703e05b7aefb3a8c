import { ERROR_CATALOG } from "./generated/catalog.js";
import {
  errorTypeForHttpStatus,
  HTTP_ERROR_STATUSES,
  type HttpErrorStatus,
  isRetryableHttpStatus,
  RETRY_AFTER_STATUSES,
} from "./generated/http.js";
import { isErrorCode } from "./codes.js";

// Every fact below is read from the generated constants (frozen); these functions only look
// them up. The type and retry rules are generated as code (see generated/http.ts).

export { errorTypeForHttpStatus, isRetryableHttpStatus };

/** @deprecated Use `errorTypeForHttpStatus` (the same function); removed in 2.0. */
export const statusErrorType: typeof errorTypeForHttpStatus = errorTypeForHttpStatus;

/** @deprecated Use `isRetryableHttpStatus` (the same function); removed in 2.0. */
export const isRetryableStatus: typeof isRetryableHttpStatus = isRetryableHttpStatus;

const has = (list: readonly number[], value: unknown): boolean => typeof value === "number" && list.includes(value);

/** True when `value` is one of the HTTP statuses the contract uses (`HTTP_ERROR_STATUSES`). */
export function isHttpErrorStatus(value: unknown): value is HttpErrorStatus {
  return has(HTTP_ERROR_STATUSES, value);
}

/** True when a response with `status` may carry `Retry-After` (`RETRY_AFTER_STATUSES`). */
export function mayCarryRetryAfter(status: number): boolean {
  return has(RETRY_AFTER_STATUSES, status);
}

/** True when `code` is a catalog code that may be sent with `status` (`ERROR_CATALOG[code].statuses`). */
export function isStatusAllowedForCode(code: string, status: number): boolean {
  // A catalog code only: "__proto__" or "toString" is no code, and no inherited entry is read.
  return isErrorCode(code) && has(ERROR_CATALOG[code].statuses, status);
}
