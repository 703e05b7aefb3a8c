/**
 * The one pipeline every adapter and every form answers an error with: `respond`, in named
 * stages. 1-5 `buildErrorOutcome`: **map** the thrown value (framework errors), **normalize**
 * it, **redact**, build the **body and headers** (the contract's envelope, the request id of
 * the one resolver), **report** to `onError`; 6 **record** on the active OpenTelemetry span;
 * 7 **negotiate** (problem+json when `Accept` prefers it, on every dialect) and render the
 * **dialect** (its body and request-id headers). JSON responses (every adapter, `errorResponse`,
 * `toErrorResponse`, `toFetchResponse`), problem+json and SSE error events (`sseErrorEvent`,
 * `sendSseError`) all come out of it; they differ only in how they ask (`RespondHow`).
 */
import type { DialectBody } from "./dialect-body.js";
import type { Dialect } from "./dialect-facts.js";
import { addDialectHeaders, inDialect } from "./dialect-response.js";
import { DEFAULT_DIALECT } from "./dialect-option.js";
import { buildErrorOutcome, type ErrorResponse, safeErrorOutcome } from "./error-response.js";
import type { ServerOptions } from "./options.js";
import { recordErrorOnActiveSpan } from "./otel.js";
import { negotiateOwnResponse, type ProblemDetails } from "./problem-details.js";

/** An error response of the pipeline: the dialect's body or, when asked, RFC 9457 problem details. */
export interface AdapterErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: DialectBody | ProblemDetails;
}

/** How a form asks the pipeline. */
export interface RespondHow {
  /**
   * True for adapters (no caller to throw to): the `validate` net's failure becomes the
   * generic 500 and is reported. False: it is thrown (`toErrorResponse`, `sseErrorEvent`, ...).
   */
  safe: boolean;
  /** Record on the active span (stage 6). False for `toErrorResponse`, a pure value the caller may send or not. */
  record: boolean;
  /**
   * Negotiate on this `Accept` value (stage 7; `vary: accept` is set). Absent: no
   * negotiation (an SSE event or a plain `Response` has no Accept to follow).
   */
  accept?: { value: unknown } | undefined;
}

/** Stage 7: negotiate (when asked) and render the dialect, for a response the caller owns. */
function negotiateInDialect(
  response: ErrorResponse,
  requestId: string | undefined,
  dialect: Dialect,
  how: RespondHow,
): AdapterErrorResponse {
  if (how.accept !== undefined) {
    // negotiateOwnResponse sets `vary` on the headers of the form it picks (the envelope's are response's own).
    const negotiated = negotiateOwnResponse(response, how.accept.value, requestId);
    if (negotiated.body !== response.body) {
      addDialectHeaders(negotiated.headers, dialect, requestId);
      return negotiated;
    }
  }
  return inDialect(response, dialect, requestId);
}

/** The pipeline: every stage, in order (see the module comment). Throws only where `how.safe` is false. */
export function respond<Req>(
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
  how: RespondHow,
): AdapterErrorResponse {
  // Stages 1-5. Unexpected as `onError` was told: not a ContractError (a framework's 5xx
  // included, its 4xx not), or one whose body failed the `validate` net (answered as a 500).
  const { response, unexpected, requestId } = how.safe
    ? safeErrorOutcome(error, options, request)
    : buildErrorOutcome(error, options, request);
  if (how.record)
    recordErrorOnActiveSpan({ status: response.status, code: response.body.error.code, error, unexpected });
  // The id the response was made with (resolved and checked once, in stage 4).
  return negotiateInDialect(response, requestId, options?.dialect ?? DEFAULT_DIALECT, how);
}

/** What adapters answer: `respond`, safe, recorded, negotiated on the request's `accept`. Never throws. */
export function respondToError<Req>(
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
  accept: unknown,
): AdapterErrorResponse {
  return respond(error, options, request, { safe: true, record: true, accept: { value: accept } });
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
