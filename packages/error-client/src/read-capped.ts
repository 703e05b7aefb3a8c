import { MAX_TIMER_DELAY_MS } from "./limits.js";

/**
 * The start of a body, read with a cap: the text; the bytes read (before decoding); true when
 * the body was longer than the cap (the rest was cancelled, never read); why reading stopped
 * early, when the stream failed midway (what was read is kept); true when the time limit (or
 * `until`) came first (the rest was cancelled). A tuple, not an object: its member names
 * would be in every browser bundle twice.
 */
export type CappedBody = [text: string, bytes: number, truncated: boolean, failure: unknown, timedOut: boolean];

function decoderFor(contentType: string | null): TextDecoder {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? "")?.[1];
  try {
    return new TextDecoder(charset); // no charset: the default label, "utf-8"
  } catch {
    return new TextDecoder(); // an unknown charset label: UTF-8 is the best guess
  }
}

/**
 * Reads at most `maxBytes` of a response body, within `timeoutMs` of the call (and until
 * `until` settles, when given), and cancels the rest of the stream, so a 100 MB error page is
 * never buffered, a body that trickles or never ends cannot hold the caller, and the
 * connection is released. Never rejects, and returns on time even when the stream's reads
 * never settle. `timeoutMs` is >= 0 (every caller resolves its option to one first).
 */
export async function readCapped(
  response: Response,
  maxBytes: number,
  timeoutMs = Infinity,
  until?: Promise<unknown>,
): Promise<CappedBody> {
  // A locked or used body: getReader() throws, and that is a failure like any other.
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
  let bytes = 0;
  let truncated = false;
  let timedOut = false;
  // One timer for the whole read, not per chunk: a byte every second must not keep it alive.
  // Each read races it (and `until`), so a stream whose read() never settles cannot hold the
  // caller; a read that loses the race gives undefined.
  let stop!: () => void;
  // Resolves with undefined (called with no argument), never with what `until` gave.
  const stopped = new Promise<undefined>((resolve) => (stop = resolve as () => void));
  void until?.then(() => stop());
  const timer = reader && timeoutMs < MAX_TIMER_DELAY_MS ? setTimeout(stop, timeoutMs) : undefined;
  try {
    // At the cap, one more read tells "exactly the cap" from "longer than the cap".
    while (reader) {
      const chunk = await Promise.race([reader.read(), stopped]);
      timedOut = !chunk;
      if (!chunk || chunk.done) break;
      const value = chunk.value;
      truncated = value.byteLength > maxBytes - bytes;
      text += decoder.decode(truncated ? value.subarray(0, maxBytes - bytes) : value, { stream: true });
      if (truncated) break;
      bytes += value.byteLength;
    }
  } catch (e) {
    failure = e;
  }
  clearTimeout(timer);
  // Cancelling tells the server (or the proxy's stream) to stop sending, and frees the
  // connection; not awaited (a hostile stream's cancel may never settle), errors do not matter.
  if (reader && (truncated || failure !== null || timedOut)) reader.cancel().catch(() => undefined);
  try {
    reader?.releaseLock();
  } catch {
    // a read still pending on a stream that ignored cancel: the lock stays with it
  }
  return [text + decoder.decode(), bytes, truncated, failure, timedOut];
}
