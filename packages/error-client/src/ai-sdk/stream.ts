import { isApiError, readSseEvents } from "../index.js";
import type { ContractRetryRule } from "./contract-fetch-options.js";
import { contractCallError } from "./http-error.js";
import type { CallContext } from "./request-context.js";

/** True for an event-stream response. */
export const isEventStream = (response: Response): boolean =>
  /^\s*text\/event-stream\s*(;|$)/i.test(response.headers.get("content-type") ?? "");

/**
 * What reading the first event failed with, for the SDK: an error event becomes its
 * `APICallError`; a stream that broke (or an abort) is the transport's own error, so the
 * SDK treats it exactly as without the wrapper.
 */
function failure(e: unknown, ctx: CallContext, rule: ContractRetryRule | undefined): unknown {
  if (!isApiError(e)) return e;
  if (e.kind === "http") return contractCallError(e, ctx, rule, true);
  return e.cause ?? e;
}

/**
 * The body read through `reader`, each chunk also kept in `seen`, so that what was read to
 * find the first event can be handed on. Cancelling it leaves the source open.
 */
function recording(reader: ReadableStreamDefaultReader<Uint8Array>, seen: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const chunk = await reader.read();
        if (chunk.done) return controller.close();
        seen.push(chunk.value);
        controller.enqueue(chunk.value);
      },
    },
    // Nothing is read ahead of the parser: only what it needs for the first event.
    { highWaterMark: 0 },
  );
}

/** What was read first, then the rest of the source: the body unchanged, byte for byte. */
function replaying(reader: ReadableStreamDefaultReader<Uint8Array>, seen: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const kept = seen.shift();
        if (kept !== undefined) return controller.enqueue(kept);
        const chunk = await reader.read();
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * An event stream whose first event was read before it is handed on. An error event there
 * (nothing streamed yet) is thrown from `fetch`, so the SDK retries it as the contract says,
 * like an error response. Otherwise the SDK gets the stream unchanged, byte for byte (only
 * what came before the first event is buffered), and a later error event stays the SDK's:
 * its provider reports it as an error part.
 */
export async function withFirstEventChecked(
  response: Response,
  body: ReadableStream<Uint8Array>,
  ctx: CallContext,
  rule: ContractRetryRule | undefined,
): Promise<Response> {
  const { status, statusText, headers } = response;
  const reader = body.getReader();
  const seen: Uint8Array[] = [];
  const events = readSseEvents(new Response(recording(reader, seen), { status, statusText, headers }));
  try {
    await events.next();
  } catch (e) {
    await reader.cancel().catch(() => undefined);
    throw failure(e, ctx, rule);
  }
  // Stop the parser (its copy is cancelled; the source stays open for the SDK).
  await events.return(undefined);
  return new Response(replaying(reader, seen), { status, statusText, headers });
}
