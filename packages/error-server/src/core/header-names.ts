/**
 * Every header name and media type of the contract this package writes, in one place.
 * When `@org/error-types` generates them from the schema (`SHOULD_RETRY_HEADER`,
 * `ERROR_CODE_HEADER`, `REQUEST_ID_HEADER`, `PROBLEM_JSON_MEDIA_TYPE`), these become
 * re-exports of those and nothing else changes.
 */

/** Whether a client may retry: `true` or `false`, from the catalog's `retryable`. */
export const SHOULD_RETRY_HEADER = "x-should-retry";

/** The business code, for logs and proxies that do not parse bodies. */
export const ERROR_CODE_HEADER = "x-error-code";

/** The request id read from requests and echoed on error responses (the default; configurable). */
export const REQUEST_ID_HEADER = "x-request-id";

/** Seconds a client should wait (RFC 9110 §10.2.3). */
export const RETRY_AFTER_HEADER = "retry-after";

/** The media type of RFC 9457 problem details. */
export const PROBLEM_JSON_MEDIA_TYPE = "application/problem+json";
