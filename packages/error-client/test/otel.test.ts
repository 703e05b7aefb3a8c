import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { createError } from "@org/error-server";
import { sendError } from "@org/error-server/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ApiError, fetchWithContract, type FetchWithContractOptions } from "../src/index.js";
import { activeSpan, errorTypeOf, recordCallOutcome } from "../src/otel.js";

// A service that fails `n` times (503 get_channel_failed, retryable) before answering 200,
// or always answers a given error: /flaky/<n>/<id>, /always/404, /always/429.
let server: Server;
let base: string;
const seen = new Map<string, number>();
beforeAll(async () => {
  server = createServer((req, res) => {
    const [, kind, value = "", id = ""] = (req.url ?? "").split("/");
    const quiet = { onError: () => undefined };
    if (kind === "flaky") {
      const count = (seen.get(id) ?? 0) + 1;
      seen.set(id, count);
      if (count <= Number(value)) return sendError(res, createError("get_channel_failed"), quiet);
      return res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    }
    if (value === "404") return sendError(res, createError("model_not_found"), quiet);
    return sendError(res, createError(429), quiet);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

let provider: BasicTracerProvider | undefined;
let exporter: InMemorySpanExporter;
function startTracing(): void {
  exporter = new InMemorySpanExporter();
  provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  trace.setGlobalTracerProvider(provider);
}
afterEach(async () => {
  await provider?.shutdown();
  provider = undefined;
  trace.disable();
  context.disable();
});

const fast: FetchWithContractOptions = { retry: { baseDelayMs: 1, maxDelayMs: 2, jitter: 0, maxRetries: 3 } };

/** A call with fast retries: fetchWithContract records its own outcome, with no option. */
const tracedCall = (url: string): Promise<Response> => fetchWithContract(url, undefined, fast);

/** Runs `fn` in an active span named "call" and returns the finished span. */
async function inCallSpan(fn: () => Promise<unknown>): Promise<ReadableSpan> {
  await trace.getTracer("test").startActiveSpan("call", async (span) => {
    try {
      await fn().catch(() => undefined);
    } finally {
      span.end();
    }
  });
  return exporter.getFinishedSpans().find((s) => s.name === "call") as ReadableSpan;
}

describe("client OpenTelemetry with a registered SDK", () => {
  it("a call that succeeded after 2 retries records the retries and nothing as an error", async () => {
    startTracing();
    const span = await inCallSpan(() => tracedCall(`${base}/flaky/2/a`));
    expect(span.attributes).toEqual({ "http.request.resend_count": 2 });
    expect(span.status.code).toBe(0);
    expect(span.events).toEqual([]);
  });

  it("a call that failed after all retries records error.type and the retries", async () => {
    startTracing();
    const span = await inCallSpan(() => tracedCall(`${base}/flaky/9/b`));
    expect(span.attributes).toEqual({
      "http.request.resend_count": 3,
      "error.type": "get_channel_failed",
      "http.response.status_code": 503,
    });
  });

  it("a failed call that is not retried records error.type only; code-less errors use the status", async () => {
    startTracing();
    expect((await inCallSpan(() => tracedCall(`${base}/always/404`))).attributes).toEqual({
      "error.type": "model_not_found",
      "http.response.status_code": 404,
    });
    exporter.reset();
    const span = await inCallSpan(() => fetchWithContract(`${base}/always/429`, undefined, { retry: false }));
    expect(span.attributes).toEqual({ "error.type": "429", "http.response.status_code": 429 });
  });

  it("a network error records its kind", async () => {
    startTracing();
    // A port nothing listens on: take a free one and close it.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const span = await inCallSpan(() => fetchWithContract(`http://127.0.0.1:${port}/`, undefined, { retry: false }));
    expect(span.attributes["error.type"]).toBe("network");
  });

  it("a programming error (a bad header) is not recorded as the call's outcome", async () => {
    startTracing();
    const span = await inCallSpan(() => fetchWithContract(`${base}/flaky/0/d`, { headers: { "bad header": "x" } }));
    expect(span.attributes).toEqual({});
  });

  it("a succeeded first attempt records nothing", async () => {
    startTracing();
    expect((await inCallSpan(() => tracedCall(`${base}/flaky/0/c`))).attributes).toEqual({});
  });
});

describe("client OpenTelemetry without an SDK", () => {
  it("is a no-op that never throws", () => {
    expect(activeSpan()).toBeUndefined();
    expect(() => recordCallOutcome(new ApiError({ status: 500, detail: "x" }), 2)).not.toThrow();
  });

  it("errorTypeOf: code, else status, else kind", () => {
    expect(errorTypeOf(new ApiError({ status: 404, code: "model_not_found", detail: "x" }))).toBe("model_not_found");
    expect(errorTypeOf(new ApiError({ status: 502, detail: "x" }))).toBe("502");
    expect(errorTypeOf(new ApiError({ kind: "aborted", status: null, detail: "x" }))).toBe("aborted");
  });
});
