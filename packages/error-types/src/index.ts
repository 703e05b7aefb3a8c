/**
 * @org/error-types: the error contract's types, code catalog, JSON Schemas (subpath exports
 * `@org/error-types/schemas/...`) and OpenAPI components (`@org/error-types/openapi.json`).
 * @packageDocumentation
 */
export type { ErrorCatalogEntry } from "./catalog-entry.js";
export { codesForHttpStatus, codeToHttpStatus, errorTypeForHttpStatus, isErrorCode, isRetryableErrorCode } from "./codes.js";
export { CONTRACT_VERSION, ERROR_CATALOG, ERROR_CODES, ERROR_TYPES, RETRYABLE_ERROR_CODES } from "./generated/catalog.js";
export type {
  ErrorBody,
  ErrorCode,
  ErrorEnvelope,
  ErrorType,
  LenientErrorBody,
  LenientErrorEnvelope,
} from "./generated/types.js";
