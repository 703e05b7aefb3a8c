import { isRetryableHttpStatus } from "@org/error-types";
import type { ErrorResponse } from "./error-response.js";
import { recordedOutcome } from "./respond.js";
import { SHOULD_RETRY_HEADER } from "./header-names.js";
import { checkOptions, SERVER_OPTION_NAMES } from "./check-options.js";
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

/** The option names of `sseErrorEvent` and `sendSseError`. */
export const SSE_OPTION_NAMES: readonly string[] = [...SERVER_OPTION_NAMES, "format"];

/**
 * Whether a client may retry: what `x-should-retry` says (the catalog's `retryable` for a
 * code), else the contract's rule for the status the error would have had. Why carried in the
 * event at all: a started stream has sent its headers (200), so neither the status nor
 * `x-should-retry` can tell the client any more.
 */
function retryableOf(response: ErrorResponse): boolean {
  const header = response.headers[SHOULD_RETRY_HEADER];
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

/** Checks the options (a wrong one is a programming error: TypeError) and returns the event form. */
export function sseFormat(options: SseErrorEventOptions<never> | undefined, where: string): SseErrorFormat {
  checkOptions(options, where, SSE_OPTION_NAMES, false);
  return options?.format ?? "openai";
}

/**
 * The server-sent event that reports `error` inside a stream that has already started (its
 * status can no longer change). The data is the contract's error object, exactly what
 * `toErrorResponse` would have sent (code, type, message, `request_id`, `doc_url`), plus a
 * root `retryable` flag that stands in for `x-should-retry`. Ends with the blank line that
 * dispatches the event. Throws a TypeError for an unknown `format`.
 */
export function sseErrorEvent<Req = unknown>(error: unknown, options?: SseErrorEventOptions<Req>): string {
  const format = sseFormat(options, "sseErrorEvent");
  return sseEventText(recordedOutcome(error, options, undefined, false).response, format);
}
