/**
 * RFC 9457 problem details: the same normalized error as the contract's envelope, in the
 * shape `application/problem+json` clients expect. Adapters send it when `Accept` asks.
 */
import { ERROR_CATALOG, type ErrorCode, HTTP_STATUSES, type HttpStatusEntry, isErrorCode } from "@org/error-types";
import type { ErrorResponse } from "./error-response.js";
import { REQUEST_ID_HEADER } from "./header-names.js";
import { statusText } from "./http-status.js";
import { reasonPhrase } from "./reason-phrases.js";
import { PROBLEM_MEDIA_TYPE, prefersProblemJson } from "./accept.js";
import type { UpstreamMember } from "./upstream.js";

/** The `content-type` of problem details responses (with a charset, like the envelope's: Fastify adds one anyway). */
export const PROBLEM_CONTENT_TYPE = `${PROBLEM_MEDIA_TYPE}; charset=utf-8`;

/** An RFC 9457 problem details object with the contract's extension members. */
export interface ProblemDetails {
  /** The code's entry in the error reference, or `"about:blank"` for errors with no code. */
  type: string;
  /** The code's catalog meaning; for `about:blank`, the status's reason phrase (as RFC 9457 §4.2.1 asks). */
  title: string;
  /** The HTTP status, repeated. */
  status: number;
  /** The envelope's `message`: capped and redacted exactly as it would have been there. */
  detail: string;
  /** Extension: the business code, `null` when there is none (as in the envelope). */
  code: ErrorCode | null;
  /** Extension: the envelope's `param`, present only when the envelope has one. */
  param?: string | null;
  /** Extension: the request id echoed in `x-request-id`, when there is one. */
  request_id?: string;
  /** Extension: the envelope's `upstream` (contract 1.2 attribution), present only when the envelope has one. */
  upstream?: UpstreamMember;
}

/** An error response whose body is problem details. */
export interface ProblemResponse {
  status: number;
  headers: Record<string, string>;
  body: ProblemDetails;
}

/** The status's reason phrase from the contract ("Not Found"), else the registry's ("I'm a teapot"), else a short text. */
function reasonOf(status: number): string {
  const entry = (HTTP_STATUSES as Readonly<Record<number, HttpStatusEntry | undefined>>)[status];
  return entry?.reason ?? reasonPhrase(status) ?? statusText(status);
}

/**
 * The problem details form of an error response (from `toErrorResponse`): same status and
 * headers (`x-request-id`, `x-should-retry`, `retry-after`, the error's own), with
 * `content-type: application/problem+json`. Pure: reads nothing but `response` (and
 * `requestId`, the id it was made with, when the caller knows it).
 */
export function toProblemDetails(response: ErrorResponse, requestId?: string): ProblemResponse {
  const { message, code, param } = response.body.error;
  // A code outside the catalog (a newer server's, caught by the `validate` net) has no page: about:blank.
  const entry = isErrorCode(code) ? ERROR_CATALOG[code] : undefined;
  const body: ProblemDetails = {
    type: entry?.docUrl ?? "about:blank",
    title: entry?.meaning ?? reasonOf(response.status),
    status: response.status,
    detail: message,
    code,
  };
  if (param !== undefined) body.param = param;
  // The id the response was made with (adapters pass it: the echo header may have any name),
  // else the envelope's, else the default header's.
  const id = requestId ?? response.body.error.request_id ?? response.headers[REQUEST_ID_HEADER];
  if (id !== undefined) body.request_id = id;
  const upstream = response.body.error.upstream;
  if (upstream !== undefined) body.upstream = upstream;
  return { status: response.status, headers: { ...response.headers, "content-type": PROBLEM_CONTENT_TYPE }, body };
}

/** `vary` with `accept` added once: the body now depends on the request's Accept header. */
function varyAccept(vary: string | undefined): string {
  if (vary === undefined || vary.trim() === "") return "accept";
  const names = vary.split(",").map((name) => name.trim().toLowerCase());
  return names.includes("accept") || names.includes("*") ? vary : `${vary}, accept`;
}

/**
 * What an adapter sends for `accept` (the request's `Accept` header, any type): problem
 * details when the client prefers them (`prefersProblemJson`), else the envelope unchanged.
 * Either way `vary: accept` is set, so caches keep the two forms apart.
 */
export function negotiateErrorResponse(response: ErrorResponse, accept: unknown): ErrorResponse | ProblemResponse {
  return negotiateOwnResponse(
    { status: response.status, headers: { ...response.headers }, body: response.body },
    accept,
  );
}

/**
 * `negotiateErrorResponse` for a response the caller owns (fresh from `safeErrorOutcome`):
 * its headers get `vary` in place. Why: copying the response and its headers for every
 * error was a measurable part of the adapters' error path. Internal.
 */
export function negotiateOwnResponse(
  response: ErrorResponse,
  accept: unknown,
  requestId?: string,
): ErrorResponse | ProblemResponse {
  const chosen = prefersProblemJson(accept) ? toProblemDetails(response, requestId) : response;
  chosen.headers.vary = varyAccept(chosen.headers.vary);
  return chosen;
}
