/**
 * The dialect stage of the pipeline: a response built in the contract's envelope (redacted,
 * validated, reported) takes the body and headers of the surface it answers on. Headers on
 * every dialect: `x-should-retry`, `x-error-code`, `retry-after` and the echoed request id,
 * as the pipeline set them; plus the surface's own request-id header (Anthropic:
 * `request-id`, which its SDK reads as `err.requestID`).
 */
import { type DialectBody, dialectBody } from "./dialect-body.js";
import { type Dialect, extraRequestIdHeaders } from "./dialect-facts.js";
import type { ErrorResponse } from "./error-response.js";

/** Adds the surface's own request-id header to `headers` (in place) when there is an id. */
export function addDialectHeaders(
  headers: Record<string, string>,
  dialect: Dialect,
  requestId: string | undefined,
): void {
  if (requestId === undefined) return;
  for (const name of extraRequestIdHeaders(dialect)) headers[name] = requestId;
}

/**
 * `response` (the envelope form, owned by the caller: it is changed in place and returned) in
 * `dialect`: that surface's body, and its request-id header. The id is the one the response
 * was made with.
 */
export function inDialect<D extends Dialect>(
  response: ErrorResponse,
  dialect: D,
  requestId: string | undefined,
): ErrorResponse<DialectBody<D>> {
  addDialectHeaders(response.headers, dialect, requestId);
  // The caller's own object takes the dialect's body: no second response object per error.
  const rendered = response as unknown as ErrorResponse<DialectBody<D>>;
  rendered.body = dialectBody(dialect, response.status, response.body);
  return rendered;
}
