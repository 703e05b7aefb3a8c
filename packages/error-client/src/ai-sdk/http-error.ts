import { codeToHttpStatus } from "@org/error-types";
import { type ApiError, isRetryable } from "../index.js";
import { ContractCallError } from "./call-error.js";
import type { ContractRetryRule } from "./contract-fetch-options.js";
import type { CallContext } from "./request-context.js";

/** The parsed JSON body of an ApiError (what the AI SDK puts in `data`), or undefined for text and empty bodies. */
const dataOf = (error: ApiError): unknown =>
  typeof error.body === "object" && error.body !== null ? error.body : undefined;

/** The body as text, for `responseBody`: the snippet kept, or the parsed JSON written back. */
function bodyText(error: ApiError): string {
  const body = error.body;
  if (typeof body === "string") return body;
  return body === null ? "" : JSON.stringify(body);
}

/**
 * The `APICallError` an error response (or an error event) stands for, its `isRetryable`
 * decided by the contract. `statusCode`: the response's, or for an error event inside a
 * stream (whose 200 says nothing) the catalog's status of its code.
 */
export function contractCallError(
  error: ApiError,
  ctx: CallContext,
  rule: ContractRetryRule | undefined,
  inStream: boolean,
): ContractCallError {
  const statusCode = inStream
    ? error.code === null
      ? undefined
      : codeToHttpStatus(error.code)
    : (error.status ?? undefined);
  return new ContractCallError({
    // The server's message, as the SDK's own handlers give it (`error.message` of the body).
    message: error.detail,
    url: ctx.url,
    requestBodyValues: ctx.requestBodyValues,
    statusCode,
    responseHeaders: ctx.responseHeaders,
    responseBody: bodyText(error),
    isRetryable: isRetryable(error, rule),
    data: dataOf(error),
    cause: error,
  });
}
