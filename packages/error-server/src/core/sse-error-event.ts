import { isRetryableHttpStatus } from "@org/error-types";
import { buildErrorResponse, type ErrorResponse } from "./error-response.js";
import type { ServerOptions } from "./options.js";

/**
 * The two ways streaming clients expect an error inside a started event stream:
 * - `"openai"`: an unnamed event whose data is the envelope, `data: {"error":{...}}`
 *   (OpenAI's SDK and most gateways raise it as an API error);
 * - `"anthropic"`: a named event, `event: error` with `data: {"type":"error","error":{...}}`
 *   (Anthropic's SDK and the Messages API).
 */
export type SseErrorFormat = "openai" | "anthropic";

/** Options of `sseErrorEvent`: those of `toErrorResponse`, and the event's form. */
export interface SseErrorEventOptions<Req = unknown> extends ServerOptions<Req> {
  /**
   * Which of the two event forms to write.
   * @default "openai"
   */
  format?: SseErrorFormat | undefined;
}

const FORMATS: ReadonlySet<unknown> = new Set(["openai", "anthropic"]);

/**
 * Whether a client may retry: what `x-should-retry` says (the catalog's `retryable` for a
 * code), else the contract's rule for the status the error would have had. Why carried in the
 * event at all: a started stream has sent its headers (200), so neither the status nor
 * `x-should-retry` can tell the client any more.
 */
function retryableOf(response: ErrorResponse): boolean {
  const header = response.headers["x-should-retry"];
  return header === undefined ? isRetryableHttpStatus(response.status) : header === "true";
}

/** The event text for an error response already built (adapters use it). */
export function sseEventText(response: ErrorResponse, format: SseErrorFormat): string {
  const retryable = retryableOf(response);
  // JSON.stringify escapes every control character: the data is one line, it cannot end the
  // event early or inject a field, whatever the message holds.
  if (format === "anthropic")
    return `event: error\ndata: ${JSON.stringify({ type: "error", error: response.body.error, retryable })}\n\n`;
  return `data: ${JSON.stringify({ error: response.body.error, retryable })}\n\n`;
}

/** Checks the `format` option: a wrong one is a programming error. */
export function sseFormat(options: { format?: unknown } | undefined): SseErrorFormat {
  const format = options?.format === undefined ? "openai" : options.format;
  if (!FORMATS.has(format))
    throw new TypeError(`sseErrorEvent: format must be "openai" or "anthropic", got ${JSON.stringify(format)}`);
  return format as SseErrorFormat;
}

/**
 * The server-sent event that reports `error` inside a stream that has already started (its
 * status can no longer change). The data is the contract's error object, exactly what
 * `toErrorResponse` would have sent (code, type, message, `request_id`, `doc_url`), plus a
 * root `retryable` flag that stands in for `x-should-retry`. Ends with the blank line that
 * dispatches the event. Throws a TypeError for an unknown `format`.
 */
export function sseErrorEvent<Req = unknown>(error: unknown, options?: SseErrorEventOptions<Req>): string {
  const format = sseFormat(options);
  return sseEventText(buildErrorResponse(error, options, undefined), format);
}
