/**
 * @org/error-server: answer every failure with the contract's envelope and the catalog's
 * status, leaking nothing. Framework-free core (no `node:` imports: Node, Workers, Deno,
 * Bun, browsers); adapters live at `@org/error-server/node`, `/fetch`, `/express`, `/fastify`,
 * `/nestjs`. Every adapter answers RFC 9457 problem details when `Accept` prefers them and
 * records errors on the active OpenTelemetry span when an SDK is registered.
 * @packageDocumentation
 */
export type { ErrorCode, ErrorType } from "@org/error-types";
export { ErrorBodyValidationError, isErrorBodyValidationError } from "./core/body-validation-error.js";
export {
  ContractError,
  type ContractErrorInit,
  isContractError,
  MAX_RETRY_AFTER_SECONDS,
} from "./core/contract-error.js";
export {
  type AllowedStatus,
  type CatalogStatus,
  type CreateCodeErrorOptions,
  type CreateErrorOptions,
  createError,
} from "./core/create-error.js";
export { type ErrorResponse, toErrorResponse } from "./core/error-response.js";
export {
  type CatalogOptions,
  type CatalogRequest,
  type CatalogResponse,
  ERROR_CATALOG_PATH,
  errorCatalogFetchHandler,
  errorCatalogResponse,
} from "./core/error-catalog-handler.js";
export { toFetchResponse } from "./core/fetch-response.js";
export { ERROR_CONTENT_TYPE, MAX_REQUEST_ID_LENGTH } from "./core/headers.js";
export { type CodelessStatus, GENERIC_SERVER_ERROR_MESSAGE, type HttpErrorStatus } from "./core/http-status.js";
export { getStackTracePolicy, setStackTracePolicy, type StackTracePolicy } from "./core/stack-policy.js";
export { MAX_PARAM_LENGTH, MAX_RESPONSE_MESSAGE_LENGTH } from "./core/message.js";
export type { AdapterOptions, ErrorContext, ErrorHook, RedactOption, ServerOptions } from "./core/options.js";
export { REDACTED, redactSecrets } from "./core/redact.js";
export { routeNotFound } from "./core/route-not-found.js";
export { prefersProblemJson } from "./core/accept.js";
export {
  negotiateErrorResponse,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  type ProblemResponse,
  toProblemDetails,
} from "./core/problem-details.js";
export { type SseErrorEventOptions, type SseErrorFormat, sseErrorEvent } from "./core/sse-error-event.js";
export { EVENT_STREAM_CONTENT_TYPE, sseHeaders, type SseHeadersOptions } from "./core/sse-headers.js";
export { type Dialect, DIALECT_NAMES } from "./core/dialect-facts.js";
export { DEFAULT_DIALECT, type DialectOption } from "./core/dialect-option.js";
export {
  type AnthropicErrorBody,
  type DialectBody,
  type GeminiErrorBody,
  type GeminiErrorInfo,
} from "./core/dialect-body.js";
