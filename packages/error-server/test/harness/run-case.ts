/**
 * Runs one plan against its app over a real socket and collects what the invariants judge:
 * the answer as the independent reader saw it, the `onError` calls, and any unhandled
 * rejection or uncaught exception the case caused (the harness owns those process events
 * while it runs, so a crash is attributed to its case instead of killing the run).
 */
import type { OutgoingHttpHeaders } from "node:http2";
import { setImmediate as tick } from "node:timers/promises";
import { begin } from "./context.js";
import { idHeaders } from "./expected-id.js";
import { requestH1 } from "./h1-reader.js";
import { requestH2 } from "./h2-reader.js";
import type { Observed } from "./invariants.js";
import type { Plan } from "./plan.js";
import { takeSpanText } from "./tracing.js";

const crashes: string[] = [];
const onCrash = (kind: string) => (reason: unknown) =>
  void crashes.push(`${kind}: ${reason instanceof Error ? reason.message : String(reason)}`);
const onRejection = onCrash("unhandled rejection");
const onException = onCrash("uncaught exception");
const EVENTS = ["unhandledRejection", "uncaughtException"] as const;
type Listener = (...args: unknown[]) => void;
let saved: Map<string, Listener[]> | undefined;

/** Takes over the process's crash events (the test runner's own listeners are put back by `releaseProcess`). */
export function watchProcess(): void {
  saved = new Map(EVENTS.map((event) => [event, process.listeners(event as "exit") as Listener[]]));
  for (const event of EVENTS) process.removeAllListeners(event);
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
}

/** Gives the crash events back to the test runner. */
export function releaseProcess(): void {
  process.off("unhandledRejection", onRejection);
  process.off("uncaughtException", onException);
  for (const [event, listeners] of saved ?? []) for (const l of listeners) process.on(event as "exit", l);
  saved = undefined;
}

function h1Head(plan: Plan): string[] {
  const { request } = plan;
  const lines = [`${request.method} /case HTTP/1.1`, "Host: 127.0.0.1"];
  for (const accept of request.accept) lines.push(`Accept: ${accept}`);
  for (const [name, value] of idHeaders(plan)) lines.push(`${name}: ${value}`);
  if (request.origin !== undefined) lines.push(`Origin: ${request.origin}`);
  return lines;
}

function h2Headers(plan: Plan): OutgoingHttpHeaders {
  const { request } = plan;
  const headers: OutgoingHttpHeaders = { ":method": request.method, ":path": "/case" };
  if (request.accept.length > 0) headers.accept = request.accept;
  for (const [name, value] of idHeaders(plan)) {
    const prev = headers[name];
    headers[name] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [String(prev)]), value];
  }
  if (request.origin !== undefined) headers.origin = request.origin;
  return headers;
}

/** Runs `plan` on the app listening on `port`. */
export async function runCase(plan: Plan, port: number): Promise<Observed> {
  const calls = begin(plan);
  crashes.length = 0;
  takeSpanText();
  const answer =
    plan.adapter === "http2"
      ? await requestH2(port, h2Headers(plan))
      : await requestH1(port, plan.request.method, h1Head(plan));
  // Unhandled rejections are reported once the microtask queue drains: let it, twice over.
  await tick();
  await tick();
  return { answer, calls: [...calls], crashes: crashes.splice(0), spans: takeSpanText() };
}
