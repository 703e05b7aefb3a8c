import { isApiError, parseErrorBody, readSseEvents, type SseEvent } from "@org/error-client";
import { type Dialect, DIALECT_NAMES, type ServerOptions, sseErrorEvent } from "@org/error-server";
import { answer } from "./answer.js";
import { matchRule } from "./match.js";
import { headerReader, observe, observeFailure } from "./observe.js";
import { type Resolved, resolveOptions, type UpstreamOptions } from "./options.js";
import { eventText } from "./sse-text.js";
import type { Observed, UpstreamOutcome } from "./types.js";

/** Options of `relayUpstreamStream`. */
export interface RelayUpstreamStreamOptions extends UpstreamOptions {
  /**
   * The route's dialect (error-server's `Dialect`): the error event takes its form, `data:
   * {"error":...}` (openai), `event: error` (anthropic) or Google's status (gemini).
   * @default "openai"
   */
  dialect?: Dialect | undefined;
  /**
   * Options of the error event (error-server's `sseErrorEvent`): `requestId` (the gateway's id), `attribution`, `redact`, ...
   * @default undefined
   */
  errorOptions?: ServerOptions | undefined;
}

/** A relayed stream, and how it ended. */
export interface UpstreamRelay {
  /** The event-stream bytes to send to the caller (after your own 200 and `content-type: text/event-stream`). */
  stream: ReadableStream<Uint8Array>;
  /** Settles when the stream ends: null when the provider's stream ended well, else the failure it ended with. Never rejects. */
  outcome: Promise<UpstreamOutcome | null>;
}

/** A parsed event carrying an error: its data when that is an object with a non-null own `error` member, or `"type": "error"`. */
class ErrorData {
  constructor(readonly data: unknown) {}
}

function errorData(event: SseEvent): ErrorData | undefined {
  if (!event.data.includes('"error"')) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(event.data) as unknown;
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return undefined;
  const record = data as Record<string, unknown>;
  const hasError = Object.prototype.hasOwnProperty.call(record, "error") && record["error"] !== null;
  return hasError || record["type"] === "error" ? new ErrorData(data) : undefined;
}

/** Stands for "the stream ended with no event": read as an empty body inside a success. */
const EMPTY: unique symbol = Symbol("empty stream");

const isEventStream = (response: Response): boolean =>
  /^\s*text\/event-stream\s*(?:;|$)/i.test(response.headers.get("content-type") ?? "");

/** What a failure of the provider's stream was: a broken connection, an error event, or no stream at all. */
function observeStreamError(error: unknown, response: Response, relayed: number): Observed {
  const header = headerReader(response.headers);
  const status = response.status;
  if (error instanceof ErrorData)
    return observe(parseErrorBody({ status, body: error.data, headers: response.headers }), header, "stream", status);
  if (error === EMPTY)
    return observe(parseErrorBody({ status, body: "", headers: response.headers }), header, "success", status);
  if (!isApiError(error) || error.kind === "network") return observeFailure("reset_after_headers", header, status);
  if (status >= 400) return observe(error, header, "body", status);
  return observe(error, header, relayed === 0 && !isEventStream(response) ? "success" : "stream", status);
}

/**
 * Passes a provider's SSE stream through to the caller, event by event. An error event from
 * the provider (Anthropic's `event: error`, an OpenAI-style `data: {"error":...}`), an error
 * body in place of the stream, or a connection that breaks midway ends the relayed stream with
 * the contract's SSE error event in the route's dialect, mapped by the provider's rules; the
 * outcome says which (disposition, rule). Cancelling `stream` cancels the provider's stream.
 * Wrong options are a TypeError at once.
 */
export function relayUpstreamStream(response: Response, options: RelayUpstreamStreamOptions): UpstreamRelay {
  const resolved = resolveOptions(options, "relayUpstreamStream", ["dialect", "errorOptions"]);
  const dialect = options.dialect ?? "openai";
  if (!(DIALECT_NAMES as readonly unknown[]).includes(dialect))
    throw new TypeError(
      `relayUpstreamStream: option dialect must be one of ${DIALECT_NAMES.map((d) => `"${d}"`).join(", ")}, got ${String(dialect)}`,
    );
  // The error event's options are checked now (a TypeError here), not when the stream fails.
  sseErrorEvent(null, { ...options.errorOptions, dialect, onError: () => undefined, validate: false });
  const events = readSseEvents(response);
  const encoder = new TextEncoder();
  let settle: (outcome: UpstreamOutcome | null) => void = () => undefined;
  const outcome = new Promise<UpstreamOutcome | null>((resolve) => (settle = resolve));
  let relayed = 0;
  let lastId = "";
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const fail = (failed: UpstreamOutcome): void => {
        controller.enqueue(encoder.encode(sseErrorEvent(failed.error, { ...options.errorOptions, dialect })));
        controller.close();
        settle(failed);
      };
      let next: IteratorResult<SseEvent>;
      try {
        next = await events.next();
      } catch (error) {
        return fail(mapped(error, response, relayed, resolved));
      }
      // A stream that ended without a single event answered nothing: an empty response, not a success.
      if (next.done && relayed === 0) return fail(mapped(EMPTY, response, relayed, resolved));
      if (next.done) {
        controller.close();
        settle(null);
        return;
      }
      // An error event error-client's reader lets through (TGI's `{"error": "text", ...}`).
      const said = errorData(next.value);
      if (said !== undefined) return fail(mapped(said, response, relayed, resolved));
      controller.enqueue(encoder.encode(eventText(next.value, lastId)));
      lastId = next.value.id;
      relayed++;
    },
    async cancel() {
      settle(null);
      await events.return(undefined);
    },
  });
  return { stream, outcome };
}

/** The outcome of a stream's failure, by the provider's rules then the generic ones. */
function mapped(error: unknown, response: Response, relayed: number, resolved: Resolved): UpstreamOutcome {
  const seen = observeStreamError(error, response, relayed);
  return answer(matchRule(resolved.mapping, resolved.fallback, seen), seen, resolved, error);
}
