/**
 * A real OpenTelemetry SDK for the harness: every request of every app runs in an active
 * span (as HTTP instrumentation does), and the text of the spans a case started (events,
 * exception messages, attributes) is scanned for secrets like the response is.
 */
import { context, type Span, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace-base";

const started: ReadableSpan[] = [];
// Keeps every span as it starts: a span of a cut response may never end, its events still count.
const keep: SpanProcessor = {
  onStart: (span) => void started.push(span as unknown as ReadableSpan),
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};
let stop: (() => Promise<void>) | undefined;

/** Registers the SDK globally (the built package finds it through @opentelemetry/api's global). */
export function startTracing(): void {
  const provider = new BasicTracerProvider({ spanProcessors: [keep] });
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  trace.setGlobalTracerProvider(provider);
  stop = async () => {
    await provider.shutdown();
    manager.disable();
    trace.disable();
    context.disable();
  };
}

/** Unregisters the SDK. */
export async function stopTracing(): Promise<void> {
  await stop?.();
  stop = undefined;
}

// Why spans are never ended: an ended span ignores what is recorded on it, and the error path
// of a cut response may run after any moment the harness could pick. They are read as they
// are, and dropped with the case.

/** Runs `fn` in a new active span for one request. */
export function inRequestSpan<T>(fn: () => T): T {
  return trace.getTracer("harness").startActiveSpan("request", (_span: Span) => fn());
}

/** A new span the current request runs in, for frameworks that continue in a callback (Fastify's hooks). */
export function withRequestSpan(done: () => void): void {
  const span = trace.getTracer("harness").startSpan("request");
  context.with(trace.setSpan(context.active(), span), done);
}

/** The text of every span started since the last call: events (exceptions), attributes, status. */
export function takeSpanText(): string {
  const spans = started.splice(0);
  return JSON.stringify(spans.map((s) => ({ events: s.events, attributes: s.attributes, status: s.status })));
}
