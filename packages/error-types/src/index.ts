/**
 * @org/error-types: the error contract's types, code catalog, HTTP status table, JSON
 * Schemas (subpath exports `@org/error-types/schemas/...`) and OpenAPI components
 * (`@org/error-types/openapi.json`). Everything here is generated from schemas/ or reads
 * what is.
 * @packageDocumentation
 */
export type { ErrorCatalogEntry, HttpStatusEntry } from "./catalog-entry.js";
export { codesForHttpStatus, codeToHttpStatus, isErrorCode, isRetryableErrorCode } from "./codes.js";
export {
  CONTRACT_VERSION,
  ERROR_CATALOG,
  ERROR_CODES,
  ERROR_REFERENCE_URL,
  ERROR_TYPES,
  RETRYABLE_ERROR_CODES,
} from "./generated/catalog.js";
export {
  type Dialect,
  DIALECT_NAMES,
  type DialectEntry,
  dialectErrorType,
  DIALECTS,
  type DialectSse,
  isDialect,
} from "./generated/dialects.js";
export { ERROR_CATALOG_JSON } from "./generated/errors-json.js";
export {
  DOC_URL_MAX_LENGTH,
  ERROR_CODE_HEADER,
  isDocUrl,
  isUpstreamProvider,
  PROBLEM_JSON_MEDIA_TYPE,
  REQUEST_ID_HEADER,
  SHOULD_RETRY_HEADER,
  UPSTREAM_PROVIDER_MAX_LENGTH,
  UPSTREAM_PROVIDER_PATTERN,
} from "./generated/facts.js";
export {
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  type HttpErrorStatus,
  MAX_MESSAGE_LENGTH,
  MAX_MESSAGE_SCHEMA_LENGTH,
  RETRY_AFTER_STATUSES,
} from "./generated/http.js";
export type {
  ErrorBody,
  ErrorCode,
  ErrorEnvelope,
  ErrorType,
  LenientErrorBody,
  LenientErrorEnvelope,
} from "./generated/types.js";
export {
  errorTypeForHttpStatus,
  isHttpErrorStatus,
  isRetryableHttpStatus,
  isRetryableStatus,
  isStatusAllowedForCode,
  mayCarryRetryAfter,
  statusErrorType,
} from "./http-statuses.js";
