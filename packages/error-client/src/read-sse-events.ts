import { ApiError, withStack } from "./api-error.js";
import { errorFromData, errorFromText, toStatus, type ResponseContext } from "./build-error.js";
import { SHOULD_RETRY_HEADER } from "@org/error-types";
import { isJsonType, mediaType, safeUrl } from "./headers.js";
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_SSE_EVENT_LENGTH } from "./limits.js";
import { readErrorWithDates } from "./parse-error-response.js";
import { parseHttpDate } from "./retry-after.js";
import { assertResponse } from "./response-shape.js";
import { type SseEvent, SseEventTooLong, SseParser } from "./sse-parser.js";

/** Options of `readSseEvents`. */
export interface ReadSseEventsOptions {
  /**
   * Longest event (pending line plus data), in UTF-16 code units; a longer one ends the stream
   * with an ApiError. A number > 0; only an explicit `Infinity` means no cap (NaN, 0 or a
   * negative number is a TypeError).
   * @default 1_048_576
   */
  maxEventLength?: number;
}

/**
 * The context of an error event: a root `retryable` boolean in its data (what
 * `@org/error-server`'s `sseErrorEvent` sends) stands for `x-should-retry`, which a started
 * stream can no longer send as a header.
 */
function eventContext(ctx: ResponseContext, data: unknown): ResponseContext {
  const flag =
    typeof data === "object" && data !== null && Object.prototype.hasOwnProperty.call(data, "retryable")
      ? (data as { retryable: unknown }).retryable
      : undefined;
  if (typeof flag !== "boolean") return ctx;
  const headers = ctx.headers;
  return {
    ...ctx,
    headers: { get: (name) => (name.toLowerCase() === SHOULD_RETRY_HEADER ? String(flag) : headers.get(name)) },
  };
}

/** The ApiError an event stands for, or null. Only events that mention "error" are parsed twice. */
function errorOf(ctx: ResponseContext, event: SseEvent): ApiError | null {
  if (event.event !== "error" && !event.data.includes('"error"')) return null;
  let data: unknown;
  try {
    data = JSON.parse(event.data) as unknown;
  } catch {
    return event.event === "error" ? errorFromText(ctx, event.data, false) : null;
  }
  const error = errorFromData(eventContext(ctx, data), data);
  return event.event === "error" || error.isContract ? error : null;
}

/**
 * The error of a body that ended without a single event-stream line: a raw JSON error or a
 * proxy's plain-text error sent under `text/event-stream` (or no type). Its own error when it
 * names a code; else one that says what came instead of a stream.
 */
function notAStream(ctx: ResponseContext, text: string): ApiError {
  const error = errorFromText(ctx, text, text.length >= DEFAULT_MAX_BODY_BYTES);
  if (error.isContract || error.code !== null) return error;
  return new ApiError({
    ...ctx,
    requestId: error.requestId,
    body: error.body,
    detail: `expected an event stream, got: ${error.detail}`,
  });
}

/**
 * The events of a `text/event-stream` response, as they arrive. Throws an `ApiError` when
 * the response is an error, when an event is named `error`, or when an event's data is an
 * error envelope (gateways report mid-stream failures that way, under a 200). Leaving the
 * loop early cancels the stream. `data: [DONE]` is yielded like any other event. A response
 * that is JSON or HTML, not an event stream (a gateway's error envelope under a 200), throws
 * its ApiError; so does a body that ends without one event-stream line (a raw JSON error, a
 * proxy's text). Not a Response, or a `maxEventLength` that is not a number > 0: TypeError.
 */
export async function* readSseEvents(
  response: Response,
  options?: ReadSseEventsOptions,
): AsyncGenerator<SseEvent, void, undefined> {
  assertResponse(response, "readSseEvents");
  const max = options?.maxEventLength ?? DEFAULT_MAX_SSE_EVENT_LENGTH;
  if (typeof max !== "number" || !(max > 0))
    throw new TypeError(
      `@org/error-client: readSseEvents maxEventLength must be a number > 0 or Infinity, got ${String(max)}`,
    );
  if (response.status >= 400) throw withStack(await readErrorWithDates(response));
  const ctx: ResponseContext = {
    status: toStatus(response.status),
    headers: response.headers,
    url: safeUrl(response.url),
    readDate: parseHttpDate,
  };
  const type = mediaType(response.headers);
  if (isJsonType(type) || type === "text/html") {
    // Not a stream at all: a 200 error envelope is that error; anything else says what it is.
    const error = await readErrorWithDates(response);
    if (error.isContract) throw withStack(error);
    throw new ApiError({
      ...ctx,
      requestId: error.requestId,
      body: error.body,
      detail: `expected an event stream, got ${type}: ${error.detail}`,
    });
  }
  if (response.body === null) return;
  const parser = new SseParser(max);
  // The start of the body, kept until it proves to be a stream (a first event or field line).
  let head = "";
  let seen = false;
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let finished = false;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        throw new ApiError({
          kind: "network",
          url: ctx.url,
          detail: "the event stream broke before it ended",
          cause: e,
        });
      }
      let events: SseEvent[];
      try {
        const text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
        if (!seen && head.length < DEFAULT_MAX_BODY_BYTES) head += text.slice(0, DEFAULT_MAX_BODY_BYTES - head.length);
        events = parser.push(text);
        if (chunk.done) events = events.concat(parser.end());
      } catch (e) {
        if (!(e instanceof SseEventTooLong)) throw e;
        throw new ApiError({
          ...ctx,
          detail: `an event of the stream is longer than ${max} characters; the stream was cancelled`,
        });
      }
      seen ||= events.length > 0 || parser.fields > 0;
      if (chunk.done && !seen && head.trim() !== "") throw withStack(notAStream(ctx, head));
      for (const event of events) {
        const error = errorOf(ctx, event);
        if (error !== null) throw withStack(error);
        yield event;
      }
      if (chunk.done) {
        finished = true;
        return;
      }
    }
  } finally {
    // Early exit (break, an error event, a throw in the caller's loop): stop the server's stream.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
