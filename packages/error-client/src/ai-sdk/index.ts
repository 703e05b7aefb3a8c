/**
 * @org/error-client/ai-sdk: the error contract in the Vercel AI SDK. `contractErrorStructure`
 * for `@ai-sdk/openai-compatible`, `createContractFetch` for any provider (`@ai-sdk/openai`,
 * `@ai-sdk/anthropic`, ...), `toApiError` to read code and request id from what the SDK
 * throws. Imports `zod/v4` (a peer of the AI SDK's providers); nothing of the SDK itself.
 * @packageDocumentation
 */
export { ContractCallError, type ContractCallErrorInit } from "./call-error.js";
export { type ContractFetch, createContractFetch } from "./contract-fetch.js";
export type { ContractFetchOptions, ContractRetryRule } from "./contract-fetch-options.js";
export { type ContractErrorBody, contractErrorStructure } from "./error-structure.js";
export { toApiError } from "./to-api-error.js";
