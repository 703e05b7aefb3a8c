// The header and media type names the client reads, in one place. At the merge these become
// re-exports of the constants `@org/error-types` generates from the schema (one line each):
// SHOULD_RETRY_HEADER, ERROR_CODE_HEADER, REQUEST_ID_HEADER, PROBLEM_JSON_MEDIA_TYPE.

/** `x-should-retry: true|false`: the server's own retry verdict. */
export const SHOULD_RETRY_HEADER = "x-should-retry";
/** `x-error-code`: the catalog code, also when the body cannot be read. */
export const ERROR_CODE_HEADER = "x-error-code";
/** `x-request-id`: the request's id for support. */
export const REQUEST_ID_HEADER = "x-request-id";
/** RFC 9457 problem details. */
export const PROBLEM_JSON_MEDIA_TYPE = "application/problem+json";
