/**
 * @org/error-server: answer every failure with the contract's envelope and the catalog's
 * status, leaking nothing. Framework-free core (no `node:` imports: Node, Workers, Deno,
 * Bun, browsers); adapters live at `@org/error-server/node`, `/fetch`, `/express`, `/fastify`.
 * @packageDocumentation
 */
export { ErrorBodyValidationError, isErrorBodyValidationError } from "./body-validation-error.js";
export { ContractError, type ContractErrorInit, isContractError } from "./contract-error.js";
export { type CatalogStatus, type CreateCodeErrorOptions, type CreateErrorOptions, createError } from "./create-error.js";
export { type ErrorResponse, toErrorResponse } from "./error-response.js";
export { toFetchResponse } from "./fetch-response.js";
export { ERROR_CONTENT_TYPE, MAX_REQUEST_ID_LENGTH } from "./headers.js";
export { GENERIC_SERVER_ERROR_MESSAGE, type HttpErrorStatus } from "./http-status.js";
export { MAX_PARAM_LENGTH, MAX_RESPONSE_MESSAGE_LENGTH } from "./message.js";
export type { AdapterOptions, ErrorContext, ErrorHook, RedactOption, ServerOptions } from "./options.js";
export { REDACTED, redactSecrets } from "./redact.js";
export { routeNotFound } from "./route-not-found.js";
