import {
  ERROR_CATALOG,
  type ErrorCatalogEntry,
  type ErrorCode,
  type ErrorEnvelope,
  isErrorCode,
} from "@org/error-types";
import { isErrorEnvelope, validateErrorEnvelope } from "@org/error-validator";
import { ErrorBodyValidationError } from "./body-validation-error.js";
import type { DialectBody } from "./dialect-body.js";
import type { Dialect } from "./dialect-facts.js";
import { isTestEnvironment } from "./env.js";
import { ERROR_CODE_HEADER, REQUEST_ID_HEADER, RETRY_AFTER_HEADER, SHOULD_RETRY_HEADER } from "./header-names.js";
import { ERROR_CONTENT_TYPE, isValidHeaderValue, sanitizeRequestId } from "./headers.js";
import { mapFrameworkError, originOf } from "./framework-error.js";
import { statusText } from "./http-status.js";
import { normalizeError } from "./normalize.js";
import { checkOptions, SERVER_OPTION_NAMES } from "./check-options.js";
import { callHook, hookFailed } from "./hooks.js";
import { report, reportsAnswered } from "./report.js";
import { MAX_PARAM_LENGTH, prepareMessage, truncate } from "./message.js";
import type { ServerOptions } from "./options.js";
import { redactSecrets } from "./redact.js";
import { respond } from "./respond.js";
import { messageWithUpstream, type UpstreamMember, upstreamMember } from "./upstream.js";

/**
 * An error response, ready for any framework: status, headers (lower-case names) and body
 * (the contract's envelope, or a dialect's body: see `DialectBody`).
 */
export interface ErrorResponse<Body = ErrorEnvelope> {
  status: number;
  headers: Record<string, string>;
  body: Body;
}

/** The masking function that applies to a status under `option`, if any (undefined: not masked). */
export function redactorFor(option: ServerOptions["redact"], status: number): ((text: string) => string) | undefined {
  // Through the hook isolation: a throw or a promise (an async redactor) gives undefined, which
  // prepareMessage refuses, so the message falls back to the status text.
  if (typeof option === "function") return (text) => callHook("redact", option, text, status) as string;
  const mode = option ?? "5xx";
  return mode === "all" || (mode === "5xx" && status >= 500) ? redactSecrets : undefined;
}

/**
 * Contract 1.1's members: the request id (it survives where the header does not: SSE
 * streams, pasted logs) and the code's entry in the reference. Only what is known: no id,
 * no `request_id`; a code outside the catalog (caught by `validate`) gets no `doc_url`.
 */
function addBodyMetadata(
  body: ErrorEnvelope,
  requestId: string | undefined,
  entry: ErrorCatalogEntry | undefined,
): void {
  if (requestId !== undefined) body.error.request_id = requestId;
  if (entry !== undefined) body.error.doc_url = entry.docUrl;
}

/**
 * Turns anything thrown into the contract's response. A ContractError keeps its status,
 * code, type, param and (capped, redacted) message; anything else becomes a generic 500
 * with code `null` and is handed to `onError`, never to the body. With `dialect`, the body
 * and headers are that surface's (see `ServerOptions.dialect`). Throws only when the
 * `validate` safety net finds an invalid body (and a TypeError for a wrong option).
 */
export function toErrorResponse<D extends Dialect = "openai">(
  error: unknown,
  options?: ServerOptions & { dialect?: D | undefined },
): ErrorResponse<DialectBody<D>> {
  checkOptions(options, "toErrorResponse", SERVER_OPTION_NAMES, false);
  // The pipeline without the span (a value the caller may send or not) and without negotiation.
  return respond(error, options, undefined, { safe: false, record: false }) as ErrorResponse<DialectBody<D>>;
}

/** A response, whether its error was unexpected (as `onError` was told), and the request id it was made with. */
export interface ResponseOutcome {
  response: ErrorResponse;
  unexpected: boolean;
  requestId: string | undefined;
}

// Why the outcome and not only the response: the adapters' OpenTelemetry step needs to know
// whether the error was unexpected, and only this function knows it right (after a framework
// error was mapped); working it out again would normalize every error twice.
export function buildErrorOutcome<Req>(
  thrown: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
): ResponseOutcome {
  // http-errors-style errors (a `status`/`statusCode` of 4xx/5xx) keep their status.
  const error = mapFrameworkError(thrown);
  const info = normalizeError(error);
  // A stand-in for a framework error: onError gets the framework's error, as it was thrown.
  const origin = originOf(error);
  const reported = origin ? origin.original : error;
  const requestId = sanitizeRequestId(options?.requestId);
  const unexpected = origin ? origin.unexpected : info.unexpected;

  // An unexpected error says only the generic text: nothing of it to mask, no hook to call.
  const redact = info.unexpected ? undefined : redactorFor(options?.redact, info.status);
  let message: string;
  let param = info.param;
  let own = info.headers;
  // The provider's texts are masked whatever `redact` says for the service's own messages.
  const attribution = options?.bodyMetadata === false ? "none" : (options?.attribution ?? "provider");
  const upstreamRedact = redact ?? redactSecrets;
  let upstream: UpstreamMember | undefined;
  try {
    message = prepareMessage(messageWithUpstream(info.message, info.upstream, attribution, upstreamRedact), redact);
    if (info.upstream) upstream = upstreamMember(info.upstream, attribution, upstreamRedact);
    // Every text a response carries is masked alike: param and the error's own header values too.
    if (redact && typeof param === "string") param = prepareMessage(param, redact);
    if (redact) own = redactValues(own, redact);
  } catch (redactError) {
    // A custom redactor failed: fall back to text that cannot leak, and say so in the logs
    // (not to onError: it is told once per error, about the error).
    message = statusText(info.status);
    if (typeof param === "string") param = null;
    own = {};
    upstream = info.upstream && attribution !== "none" ? { provider: info.upstream.provider } : undefined;
    hookFailed("redact", redactError);
  }
  const body: ErrorEnvelope = { error: { message, type: info.type, code: info.code } };
  if (typeof param === "string") body.error.param = truncate(param, MAX_PARAM_LENGTH);
  else if (param === null) body.error.param = null;
  // The catalog entry, looked up once: doc_url, x-should-retry and x-error-code all need it.
  const entry = info.code !== null && isErrorCode(info.code) ? ERROR_CATALOG[info.code] : undefined;
  if (options?.bodyMetadata !== false) addBodyMetadata(body, requestId, entry);
  if (upstream !== undefined) body.error.upstream = upstream;

  const headers: Record<string, string> = { ...own, "content-type": ERROR_CONTENT_TYPE };
  // The error's own word first (a chained upstream's "don't retry"), else the catalog's
  // `retryable` for its codes; nothing for codes outside it.
  const retryable = info.retryable ?? entry?.retryable;
  if (retryable !== undefined) headers[SHOULD_RETRY_HEADER] = retryable ? "true" : "false";
  if (info.retryAfter !== undefined) headers[RETRY_AFTER_HEADER] = String(info.retryAfter);
  if (requestId !== undefined) headers[options?.requestIdHeader?.toLowerCase() ?? REQUEST_ID_HEADER] = requestId;
  // Logs and proxies see the code without parsing the body (as Azure's x-ms-error-code).
  if (entry !== undefined) headers[ERROR_CODE_HEADER] = info.code as ErrorCode;

  // The context is built only for someone who reads it: most errors are expected
  // ContractErrors in a service without `onError`, which the default does not log.
  if (reportsAnswered(options?.onError, unexpected))
    report(options?.onError, reported, {
      status: info.status,
      code: info.code,
      unexpected,
      requestId,
      headersSent: false,
      answered: true,
      request,
    });
  // The guard first: it costs less than reading NODE_ENV (a call into the environment), and
  // a valid body needs no answer to "is the net on?". Same outcome in every case.
  if (options?.validate !== false && !isErrorEnvelope(body) && (options?.validate ?? isTestEnvironment())) {
    const result = validateErrorEnvelope(body, { mode: "strict" });
    throw new ErrorBodyValidationError(result.ok ? [] : result.issues, info.status, requestId, reported);
  }
  return { response: { status: info.status, headers, body }, unexpected, requestId };
}

/** Header values masked like messages; a value the masking breaks (CR/LF) is dropped. */
function redactValues(headers: Record<string, string>, redact: (text: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const masked = prepareMessage(value, redact);
    if (isValidHeaderValue(masked)) out[name] = masked;
  }
  return out;
}

/**
 * What adapters use: like `buildErrorOutcome`, but when the `validate` safety net fires it
 * answers a generic 500 and reports the `ErrorBodyValidationError` to `onError`, because a
 * middleware has no caller to throw to (the framework would answer with its own,
 * non-contract body). The safety net's 500 is always unexpected.
 */
export function safeErrorOutcome<Req>(
  error: unknown,
  options: ServerOptions<Req> | undefined,
  request: Req | undefined,
): ResponseOutcome {
  try {
    return buildErrorOutcome(error, options, request);
  } catch (e) {
    // The validation error is not a ContractError: it becomes the generic 500 and is reported.
    return buildErrorOutcome(e, { ...options, validate: false }, request);
  }
}
