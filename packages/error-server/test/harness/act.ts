/**
 * Performs a plan's `before` steps through one framework's APIs (a `Surface`), then throws
 * what the plan says, or, inside a started event stream, hands it to `sendSseError`.
 */
import type { AppHeader, Before, StatusStep } from "./plan.js";
import { isSse } from "./plan.js";

/** The header values a step sets: every value of that name so far, so replacing APIs lose nothing. */
export type HeadValue = string | string[];

/** One framework's way of doing each step. */
export interface Surface {
  /** The `api` index whose headers go into `writeHead`'s object rather than a call of their own. */
  writeHeadApi: number | undefined;
  header(h: AppHeader, value: HeadValue): void;
  status(step: StatusStep, head: Record<string, HeadValue>): void;
  statusMessage(text: string): void;
  write(chunk: string): void;
  /** Starts a `text/event-stream` 200 on the wire. */
  sseStart(): void;
  /** Reports `error` inside the stream (`sendSseError`). */
  sse(error: unknown): void;
  destroy(): void;
}

/** The events written before the failure, by body step. */
export const SSE_PREFIX: Record<string, string> = {
  "sse-complete": 'data: {"n":1}\n\n',
  "sse-open-line": 'data: {"n":1}\n\ndata: {"partial',
  "sse-open-event": 'data: {"n":1}\n\ndata: {"n":2}\n',
};

/** What the app sent for each header name, after every step (cookies listed, Vary merged). */
export function accumulate(headers: readonly AppHeader[]): Map<string, HeadValue> {
  const out = new Map<string, HeadValue>();
  for (const h of headers) {
    const prev = out.get(h.name);
    if (h.name === "set-cookie") out.set(h.name, [...((prev as string[] | undefined) ?? []), h.value]);
    else if (h.name === "vary" && typeof prev === "string") out.set(h.name, `${prev}, ${h.value}`);
    else out.set(h.name, h.value);
  }
  return out;
}

/** Does what `before` says on `surface`, then fails with `error`. Returns normally only after `sendSseError`. */
export function act(before: Before, surface: Surface, error: unknown): void {
  const sse = isSse(before);
  // An event stream with the app's own framing headers would be the app's bug, not the adapter's.
  const headers = sse ? before.headers.filter((h) => h.cls !== "framing") : before.headers;
  const seen: AppHeader[] = [];
  const head: Record<string, HeadValue> = {};
  for (const h of headers) {
    seen.push(h);
    const value = accumulate(seen).get(h.name) as HeadValue;
    // writeHead's object wins over setHeader for its names: keep it whole, so the app means every value it set.
    if (h.api === surface.writeHeadApi || h.name in head) head[h.name] = value;
    if (h.api !== surface.writeHeadApi) surface.header(h, value);
  }
  if (sse) {
    surface.sseStart();
    surface.write(SSE_PREFIX[before.body] as string);
    surface.sse(error);
    return;
  }
  if (before.status) surface.status(before.status, head);
  else if (Object.keys(head).length > 0) surface.status({ code: 200, how: "writeHead" }, head);
  if (before.statusMessage !== undefined) surface.statusMessage(before.statusMessage);
  if (before.body === "partial") surface.write("partial");
  if (before.destroy) surface.destroy();
  // Whatever a handler may throw, non-Errors included.
  throw error;
}
