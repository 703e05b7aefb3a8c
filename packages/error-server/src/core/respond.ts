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
import { buildErrorOutcome, type ErrorResponse, redactorFor, safeErrorOutcome } from "./error-response.js";
import type { ServerOptions } from "./options.js";
import { activeSpan, recordErrorOn } from "./otel.js";
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
   * Negotiate on the request's `Accept` value (stage 7; `vary: accept` is set). False or
   * absent: no negotiation (an SSE event or a plain `Response` has no Accept to follow).
   * @default false
   */
  negotiate?: boolean;
}

// What every adapter asks, made once: the error path allocates no request for itself.
const ADAPTER: RespondHow = Object.freeze({ safe: true, record: true, negotiate: true });

/** Stage 7: negotiate (when asked) and render the dialect, for a response the caller owns. */
function negotiateInDialect(
  response: ErrorResponse,
  requestId: string | undefined,
  dialect: Dialect,
  how: RespondHow,
  accept: unknown,
): AdapterErrorResponse {
  if (how.negotiate === true) {
    // negotiateOwnResponse sets `vary` on the headers of the form it picks (the envelope's are response's own).
    const negotiated = negotiateOwnResponse(response, accept, requestId);
    if (negotiated.body !== response.body) {
      addDialectHeaders(negotiated.headers, dialect, requestId);
      return negotiated;
    }
  }
  return inDialect(response, dialect, requestId);
}

/**
 * The pipeline: every stage, in order (see the module comment). `accept` is the request's
 * `Accept` value, read only when `how.negotiate` is true. Throws only where `how.safe` is false.
 */
export function respond<Req>(
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
  how: RespondHow,
  accept?: unknown,
): AdapterErrorResponse {
  // Stages 1-5. Unexpected as `onError` was told: not a ContractError (a framework's 5xx
  // included, its 4xx not), or one whose body failed the `validate` net (answered as a 500).
  const { response, unexpected, requestId } = how.safe
    ? safeErrorOutcome(error, options, request)
    : buildErrorOutcome(error, options, request);
  // Stage 6. The span first: without tracing, nothing is built for it. The exception is
  // masked as the service's `redact` option says (none: not masked; a redactor: through the
  // hook isolation, so a failing one records "unknown error", never the raw text).
  const span = how.record ? activeSpan() : undefined;
  if (span !== undefined)
    recordErrorOn(span, {
      status: response.status,
      code: response.body.error.code,
      error,
      unexpected,
      redact: redactorFor(options?.redact, response.status) ?? null,
    });
  // The id the response was made with (resolved and checked once, in stage 4).
  return negotiateInDialect(response, requestId, options?.dialect ?? DEFAULT_DIALECT, how, accept);
}

/** What adapters answer: `respond`, safe, recorded, negotiated on the request's `accept`. Never throws. */
export function respondToError<Req>(
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
  accept: unknown,
): AdapterErrorResponse {
  return respond(error, options, request, ADAPTER, accept);
}
