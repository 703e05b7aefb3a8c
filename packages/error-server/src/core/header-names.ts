/**
 * Every header name and media type this package writes, in one place. The contract's own
 * (`x-should-retry`, `x-error-code`, `x-request-id`, `application/problem+json`) are facts of
 * the schema, generated into `@org/error-types`; only HTTP's own `Retry-After` is named here.
 */
export { ERROR_CODE_HEADER, PROBLEM_JSON_MEDIA_TYPE, REQUEST_ID_HEADER, SHOULD_RETRY_HEADER } from "@org/error-types";

/** Seconds a client should wait (RFC 9110 §10.2.3). */
export const RETRY_AFTER_HEADER = "retry-after";
