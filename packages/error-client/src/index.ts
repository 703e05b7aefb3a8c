/**
 * @org/error-client: turn any error response into one typed `ApiError`, and retry only what
 * the error contract allows. No runtime dependency besides @org/error-types and
 * @org/error-validator; no `node:` imports (browsers, Workers, Deno, Bun, Node >= 20).
 * @packageDocumentation
 */
export type { ErrorCode, ErrorType } from "@org/error-types";
export { ApiError, type ApiErrorInit, type ApiErrorKind, isApiError } from "./api-error.js";
export { type FetchWithContractOptions, fetchWithContract, type RetryEvent } from "./fetch-with-contract.js";
export {
  DEFAULT_ERROR_BODY_TIMEOUT_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_SSE_EVENT_LENGTH,
  MAX_BODY_SNIPPET_LENGTH,
  MAX_DETAIL_LENGTH,
  MAX_TEXT_DETAIL_LENGTH,
  MAX_TIMER_DELAY_MS,
} from "./limits.js";
export { type ErrorBodyInput, type ParseErrorBodyOptions, parseErrorBody } from "./parse-error-body.js";
export { type ParseErrorResponseOptions, parseErrorResponse } from "./parse-error-response.js";
export { type ReadSseEventsOptions, readSseEvents } from "./read-sse-events.js";
export { isRetryable, retryDelayMs } from "./retry-decision.js";
export { parseHttpDate } from "./retry-after.js";
export type { FetchFunction, FetchInput, HeadersLike } from "./fetch-types.js";
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy.js";
export type { SseEvent } from "./sse-parser.js";
