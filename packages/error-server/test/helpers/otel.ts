import { context, type Span, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";

/** A real OpenTelemetry SDK registered globally, exporting to memory. `stop()` unregisters it. */
export interface TestTracing {
  exporter: InMemorySpanExporter;
  /** Runs `fn` inside an active span named `name` and ends the span after it settles. */
  inSpan<T>(name: string, fn: (span: Span) => T | Promise<T>): Promise<T>;
  /** The finished span named `name` (exactly one). */
  span(name: string): ReadableSpan;
  stop(): Promise<void>;
}

/** Registers the SDK's tracer provider and an AsyncLocalStorage context manager, as an app's setup does. */
export function startTracing(): TestTracing {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  const manager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(manager);
  trace.setGlobalTracerProvider(provider);
  const tracer = provider.getTracer("test");
  return {
    exporter,
    inSpan: (name, fn) =>
      tracer.startActiveSpan(name, async (span) => {
        try {
          return await fn(span);
        } finally {
          span.end();
        }
      }),
    span: (name) => {
      const found = exporter.getFinishedSpans().filter((s) => s.name === name);
      if (found.length !== 1) throw new Error(`expected one span named ${name}, found ${found.length}`);
      return found[0] as ReadableSpan;
    },
    stop: async () => {
      await provider.shutdown();
      manager.disable();
      trace.disable();
      context.disable();
    },
  };
}
