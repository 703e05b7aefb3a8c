/**
 * The one step every adapter and every form answers an error with, in stages: map the
 * thrown value (framework errors), normalize it, redact, build the body and headers and
 * report to `onError` (`buildErrorOutcome`); record it on the active OpenTelemetry span
 * (`recordedOutcome`); then negotiate the form from `Accept` and render the dialect
 * (`finalResponse`): problem+json on any dialect when asked, else the dialect's body, and the
 * dialect's headers either way. Adapters only read `Accept` and write what `respondToError`
 * returns; SSE events and `toFetchResponse` take the recorded outcome and render it in their
 * dialect without negotiation (an event or a plain `Response` has no Accept to follow).
 */
import type { DialectErrorBody } from "./dialect-body.js";
import { addDialectHeaders, inDialect } from "./dialect-response.js";
import { DEFAULT_DIALECT } from "./dialect-option.js";
import { buildErrorOutcome, type ErrorResponse, type ResponseOutcome, safeErrorOutcome } from "./error-response.js";
import { sanitizeRequestId } from "./headers.js";
import type { ServerOptions } from "./options.js";
import { recordErrorOnActiveSpan } from "./otel.js";
import { negotiateOwnResponse, type ProblemDetails } from "./problem-details.js";

/** An adapter's error response: the dialect's body or, when asked, RFC 9457 problem details. */
export interface AdapterErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: DialectErrorBody | ProblemDetails;
}

/**
 * The negotiate and dialect stages for a response the caller owns: problem+json when
 * `accept` prefers it (on every dialect: it carries the code and the request id), else the
 * body of `options.dialect`; the dialect's request-id header on both.
 */
export function finalResponse(
  response: ErrorResponse,
  options: Pick<ServerOptions, "dialect" | "requestId"> | undefined,
  accept: unknown,
): AdapterErrorResponse {
  const requestId = sanitizeRequestId(options?.requestId);
  const dialect = options?.dialect ?? DEFAULT_DIALECT;
  // negotiateOwnResponse sets `vary` on the headers of the form it picks (the envelope's are response's own).
  const negotiated = negotiateOwnResponse(response, accept, requestId);
  if (negotiated.body !== response.body) {
    addDialectHeaders(negotiated.headers, dialect, requestId);
    return negotiated;
  }
  return inDialect(response, dialect, requestId);
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
  return finalResponse(recordedOutcome(error, options, request, true).response, options, accept);
}

/**
 * The stages before negotiation, recorded on the span. `safe`: the `validate` net's failure
 * becomes the generic 500 (adapters, which have no caller to throw to); else it is thrown
 * (`toFetchResponse`, `sseErrorEvent`, as `toErrorResponse` does).
 */
export function recordedOutcome<Req>(
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
  safe: boolean,
): ResponseOutcome {
  // Unexpected as `onError` was told: not a ContractError (a framework's 5xx included, its 4xx
  // not), or one whose body failed the `validate` net (answered as a 500).
  const outcome = safe ? safeErrorOutcome(error, options, request) : buildErrorOutcome(error, options, request);
  const { response, unexpected } = outcome;
  recordErrorOnActiveSpan({ status: response.status, code: response.body.error.code, error, unexpected });
  return outcome;
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
