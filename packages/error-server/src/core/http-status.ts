import {
  ERROR_CODES,
  type ErrorCode,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  type HttpErrorStatus,
  isHttpErrorStatus,
  isStatusAllowedForCode,
} from "@org/error-types";

// Every status fact here is read from @org/error-types (generated from schemas/): which
// statuses the contract uses, which may go without a code, their reason phrases.

export type { HttpErrorStatus };

/** The statuses a response with `code: null` may use (`HTTP_STATUSES[s].codeless`). */
export type CodelessStatus = {
  [S in HttpErrorStatus]: (typeof HTTP_STATUSES)[S]["codeless"] extends true ? S : never;
}[HttpErrorStatus];

/** The message of every unexpected error: says nothing about what went wrong inside. */
export const GENERIC_SERVER_ERROR_MESSAGE = "Internal server error";

/** True for a status of the contract that may be sent with `code: null`. */
export function isCodelessStatus(value: unknown): value is CodelessStatus {
  return isHttpErrorStatus(value) && HTTP_STATUSES[value].codeless;
}

/** The codeless statuses, for messages that say what is allowed. */
export const codelessStatuses = (): readonly HttpErrorStatus[] =>
  HTTP_ERROR_STATUSES.filter((s) => HTTP_STATUSES[s].codeless);

/** True for an integer in the error classes (4xx, 5xx): what the low-level constructor takes. */
export function isErrorStatusRange(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 400 && value <= 599;
}

/** A short default message for a status: the contract's reason phrase (a generic one outside the contract). */
export function statusText(status: number): string {
  return isHttpErrorStatus(status)
    ? HTTP_STATUSES[status].reason
    : status >= 500
      ? GENERIC_SERVER_ERROR_MESSAGE
      : "Request failed";
}

/**
 * The code a bare status is answered with: `null` where the contract allows no code, else
 * the first catalog code that may be sent with that status (413 -> `read_request_body_failed`).
 */
export function codeForStatus(status: HttpErrorStatus): ErrorCode | null {
  if (HTTP_STATUSES[status].codeless) return null;
  return ERROR_CODES.find((code) => isStatusAllowedForCode(code, status)) ?? null;
}
