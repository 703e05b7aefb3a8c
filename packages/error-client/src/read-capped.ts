import { MAX_TIMER_DELAY_MS } from "./limits.js";

/** The start of a body, read with a cap. */
export interface CappedBody {
  text: string;
  /** True when the body was longer than the cap (the rest was cancelled, never read). */
  truncated: boolean;
  /** Why reading stopped early, when the stream failed midway (what was read is kept). */
  failure: unknown;
  /** True when the time limit ran out first (the rest was cancelled). */
  timedOut: boolean;
}

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  try {
    return new TextDecoder(charset); // no charset: the default label, "utf-8"
  } catch {
    return new TextDecoder(); // an unknown charset label: UTF-8 is the best guess
  }
}

/**
 * Reads at most `maxBytes` of a response body, within `timeoutMs` of the call, and cancels
 * the rest of the stream, so a 100 MB error page is never buffered, a body that trickles or
 * never ends cannot hold the caller, and the connection is released. Never rejects.
 * `timeoutMs` is >= 0 (every caller resolves its option to one first).
 */
export async function readCapped(response: Response, maxBytes: number, timeoutMs = Infinity): Promise<CappedBody> {
  // A body already read is the caller's to report (parseErrorResponse says so; a clone of
  // one cannot be made): getReader() on it throws, and that is a failure like any other.
  let failure: unknown = null;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    reader = response.body?.getReader();
  } catch (e) {
    failure = e;
  }
  // Decoded as it arrives (a character split between chunks is held by the decoder): the
  // same text as decoding the bytes at once, without gathering them first.
  const decoder = decoderFor(response.headers.get("content-type"));
  let text = "";
  let room = maxBytes;
  let truncated = false;
  let timedOut = false;
  // One timer for the whole read, not per chunk: a byte every second must not keep it
  // alive. Cancelling the reader ends a pending read() at once (done), in browsers too,
  // and tells the fetch implementation to drop the connection.
  const timer =
    reader && timeoutMs < MAX_TIMER_DELAY_MS
      ? setTimeout(() => {
          timedOut = true;
          reader.cancel(new Error("the body read timed out")).catch(() => undefined);
        }, timeoutMs)
      : undefined;
  try {
    // At the cap, one more read tells "exactly the cap" from "longer than the cap".
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader?.read()) {
      const value = chunk.value;
      truncated = value.byteLength > room;
      text += decoder.decode(truncated ? value.subarray(0, room) : value, { stream: true });
      if (truncated) break;
      room -= value.byteLength;
    }
  } catch (e) {
    failure = e;
  }
  clearTimeout(timer);
  // Cancelling tells the server (or the proxy's stream) to stop sending; errors here do not matter.
  if (truncated || failure !== null || timedOut) await reader?.cancel().catch(() => undefined);
  reader?.releaseLock();
  return { text: text + decoder.decode(), truncated, failure, timedOut };
}
