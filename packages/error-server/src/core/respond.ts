/**
 * The one step every adapter answers an error with: the contract's response (never
 * throwing), in the form the request's `Accept` asks for, recorded on the active
 * OpenTelemetry span. Adapters only read the `Accept` header and write what this returns.
 */
import type { ErrorEnvelope } from "@org/error-types";
import { safeErrorOutcome } from "./error-response.js";
import { sanitizeRequestId } from "./headers.js";
import type { ServerOptions } from "./options.js";
import { recordErrorOnActiveSpan } from "./otel.js";
import { negotiateOwnResponse, type ProblemDetails } from "./problem-details.js";

/** An adapter's error response: the envelope or, when asked, RFC 9457 problem details. */
export interface AdapterErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: ErrorEnvelope | ProblemDetails;
}

/**
 * `safeErrorOutcome`, then content negotiation on `accept` (the request's `Accept` header,
 * any type: see `prefersProblemJson`), then the span: `error.type`, the status code, ERROR
 * for 5xx and the exception of unexpected errors. Never throws.
 */
export function respondToError<Req>(
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
  accept: unknown,
): AdapterErrorResponse {
  // Unexpected as `onError` was told: not a ContractError (a framework's 5xx included, its 4xx
  // not), or one whose body failed the `validate` net (answered as a 500).
  const { response, unexpected } = safeErrorOutcome(error, options, request);
  recordErrorOnActiveSpan({ status: response.status, code: response.body.error.code, error, unexpected });
  return negotiateOwnResponse(response, accept, sanitizeRequestId(options?.requestId));
}

/** The `Accept` header of a Node-style request (`req.headers.accept`), read without trusting its shape. */
export function acceptOf(request: unknown): unknown {
  try {
    const headers =
      typeof request === "object" && request !== null ? (request as { headers?: unknown }).headers : undefined;
    return typeof headers === "object" && headers !== null ? (headers as { accept?: unknown }).accept : undefined;
  } catch {
    return undefined;
  }
}
