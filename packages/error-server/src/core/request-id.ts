/**
 * The one request-id resolver: every adapter and every form (envelope, problem+json, SSE
 * event, fetch Response) finds the id the same way, so the header, `error.request_id` and
 * `onError` always agree.
 */
import { REQUEST_ID_HEADER } from "./header-names.js";
import { sanitizeRequestId } from "./headers.js";

/** Reads one request header, however the framework stores them (node: the first line; fetch: the lines joined with ", "). */
export type HeaderReader = (name: string) => string | null | undefined;

/**
 * The first value of a header that may have come on several lines. Why cut at ", ": fetch
 * joins repeated lines with it and node keeps the first line; a valid id has no space, so
 * the cut never splits one, and both runtimes get the same (first) id.
 */
function firstValue(value: string): string {
  const comma = value.indexOf(", ");
  return comma === -1 ? value : value.slice(0, comma);
}

/**
 * The request id of a request: `known` (an id the framework already gave the request, such
 * as Hono's `requestId()` middleware's) when valid, else the first of the `names` headers
 * whose (first) value is a valid id. An invalid value in one header never hides a valid one
 * in the next. Never throws: a hostile request object means no id.
 */
export function resolveRequestId(
  names: readonly string[],
  readHeader: HeaderReader,
  known?: unknown,
): string | undefined {
  const given = sanitizeRequestId(known);
  if (given !== undefined) return given;
  for (const name of names) {
    let value: unknown;
    try {
      value = readHeader(name);
    } catch {
      continue;
    }
    const id = typeof value === "string" ? sanitizeRequestId(firstValue(value)) : undefined;
    if (id !== undefined) return id;
  }
  return undefined;
}

/**
 * The id for a call given `ServerOptions` (sendError, sendSseError, errorResponse): an
 * explicit `requestId` wins (even undefined: a `getRequestId` that found none), else the
 * request's `requestIdHeader` (default `x-request-id`), resolved as above.
 */
export function requestIdFor(
  options: { requestId?: string | undefined; requestIdHeader?: string | undefined } | undefined,
  readHeader: HeaderReader,
): string | undefined {
  if (options !== undefined && "requestId" in options) return options.requestId;
  return resolveRequestId([(options?.requestIdHeader ?? REQUEST_ID_HEADER).toLowerCase()], readHeader);
}
