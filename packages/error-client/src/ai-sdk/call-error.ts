import type { ApiError } from "../index.js";

// How the AI SDK recognises its errors: `APICallError.isInstance(e)` checks these
// `Symbol.for` markers, not the class, so that errors from two copies of the SDK (ESM and
// CJS, two versions) are recognised by both. Its retry reads `isRetryable` of such an error.
const AI_SDK_ERROR = Symbol.for("vercel.ai.error");
const API_CALL_ERROR = Symbol.for("vercel.ai.error.AI_APICallError");

/** What a `ContractCallError` carries: the members of the AI SDK's `APICallError`. */
export interface ContractCallErrorInit {
  message: string;
  url: string;
  requestBodyValues: unknown;
  statusCode: number | undefined;
  responseHeaders: Record<string, string> | undefined;
  responseBody: string | undefined;
  isRetryable: boolean;
  data: unknown;
  /** The contract's reading of the failure: code, request id, doc URL. */
  cause: ApiError;
}

/**
 * An AI SDK `APICallError` (`APICallError.isInstance(error)` is true; `instanceof` is not,
 * as for any error from another copy of the SDK) whose `isRetryable` is the contract's
 * decision. `data` is the error body as the server sent it (for an error event in a stream:
 * the event's data), `cause` the `ApiError` (`code`, `requestId`, `docUrl`, ...).
 */
export class ContractCallError extends Error {
  declare readonly name: "AI_APICallError";
  readonly url: string;
  readonly requestBodyValues: unknown;
  /** The HTTP status; for an error event in a stream, the catalog's status of its code (undefined without one). */
  readonly statusCode: number | undefined;
  readonly responseHeaders: Record<string, string> | undefined;
  readonly responseBody: string | undefined;
  /** Whether the contract allows retrying (`x-should-retry`, then the catalog, then the status). */
  readonly isRetryable: boolean;
  /** The error body as sent (parsed JSON), or undefined when it was not JSON. */
  readonly data: unknown;
  declare readonly cause: ApiError;

  constructor(init: ContractCallErrorInit) {
    super(init.message, { cause: init.cause });
    this.url = init.url;
    this.requestBodyValues = init.requestBodyValues;
    this.statusCode = init.statusCode;
    this.responseHeaders = init.responseHeaders;
    this.responseBody = init.responseBody;
    this.isRetryable = init.isRetryable;
    this.data = init.data;
  }
}

Object.defineProperties(ContractCallError.prototype, {
  name: { value: "AI_APICallError", writable: true, configurable: true },
  [AI_SDK_ERROR]: { value: true },
  [API_CALL_ERROR]: { value: true },
});

/** True when `value` carries the AI SDK's marker `vercel.ai.error.<name>` (its `isInstance` test). */
export function hasAiSdkMarker(value: unknown, name: string): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  const marker = Symbol.for(`vercel.ai.error.${name}`);
  return (value as Record<symbol, unknown>)[marker] === true;
}
