import { isRetryableHttpStatus } from "@org/error-types";
import { type Dialect, DIALECTS } from "./dialect-facts.js";
import { setAtPointer } from "./json-pointer.js";
import { DEFAULT_DIALECT } from "./dialect-option.js";
import { type AdapterErrorResponse, respond } from "./respond.js";
import { SHOULD_RETRY_HEADER } from "./header-names.js";
import { checkOptions, SERVER_OPTION_NAMES } from "./check-options.js";
import type { ServerOptions } from "./options.js";

/**
 * The event forms of 1.1, by the SDK that reads them.
 * @deprecated Use `Dialect` (the `dialect` option): `"openai"` and `"anthropic"` are dialects.
 */
export type SseErrorFormat = "openai" | "anthropic";

/** Options of `sseErrorEvent` and `sendSseError`: those of `toErrorResponse` (`dialect` picks the event's form). */
export interface SseErrorEventOptions<Req = unknown> extends ServerOptions<Req> {
  /**
   * The event form.
   * @deprecated Use `dialect` (same values, plus `"gemini"`); given both, they must agree.
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
function retryableOf(response: AdapterErrorResponse): boolean {
  const header = response.headers[SHOULD_RETRY_HEADER];
  return header === undefined ? isRetryableHttpStatus(response.status) : header === "true";
}

/**
 * The event text of `response`, the pipeline's answer in `dialect` (not negotiated): its
 * body with a root `retryable` flag, as the dialect's event (Anthropic's SDK raises only
 * `event: error`; OpenAI's and Google's read unnamed `data:` events).
 */
export function sseEventText(response: AdapterErrorResponse, dialect: Dialect): string {
  const { sse } = DIALECTS[dialect];
  // A copy: the flag is the event's, not the body's.
  const data = { ...response.body };
  setAtPointer(data, sse.retryable, retryableOf(response));
  const event = sse.event ?? undefined;
  // JSON.stringify escapes every control character: the data is one line, it cannot end the
  // event early or inject a field, whatever the message holds.
  return `${event === undefined ? "" : `event: ${event}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/**
 * Checks the options (a wrong one is a programming error: TypeError) and returns the
 * event's dialect: `dialect`, else the deprecated `format`, else `"openai"`.
 */
export function sseDialect(options: SseErrorEventOptions<never> | undefined, where: string): Dialect {
  checkOptions(options, where, SSE_OPTION_NAMES, false);
  const { dialect, format } = options ?? {};
  if (dialect !== undefined && format !== undefined && dialect !== format)
    throw new TypeError(
      `${where}: options dialect ${JSON.stringify(dialect)} and format ${JSON.stringify(format)} disagree; give dialect only (format is deprecated)`,
    );
  return dialect ?? format ?? DEFAULT_DIALECT;
}

/**
 * The server-sent event that reports `error` inside a stream that has already started (its
 * status can no longer change), in the stream's `dialect`: the body `toErrorResponse` would
 * have sent in that dialect (code, type, message, request id, doc URL where that surface's
 * SDK reads them), plus a root `retryable` flag that stands in for `x-should-retry`. Ends
 * with the blank line that dispatches the event. Throws a TypeError for a wrong option.
 */
export function sseErrorEvent<Req = unknown>(error: unknown, options?: SseErrorEventOptions<Req>): string {
  const dialect = sseDialect(options, "sseErrorEvent");
  const { format: _, ...rest } = options ?? {};
  return sseEventText(respond(error, { ...rest, dialect }, undefined, { safe: false, record: true }), dialect);
}
