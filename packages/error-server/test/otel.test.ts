import { SpanStatusCode, trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { activeSpan, recordErrorOnActiveSpan } from "../src/core/otel.js";
import { respondToError } from "../src/core/respond.js";
import { createError, toErrorResponse } from "../src/index.js";
import { startTracing, type TestTracing } from "./helpers/otel.js";

let tracing: TestTracing | undefined;
afterEach(async () => {
  await tracing?.stop();
  tracing = undefined;
});

describe("recordErrorOnActiveSpan with a registered SDK", () => {
  it("a 4xx with a code: error.type is the code, status code set, span status not ERROR, no exception", async () => {
    tracing = startTracing();
    await tracing.inSpan("req", () =>
      recordErrorOnActiveSpan({
        status: 404,
        code: "model_not_found",
        error: createError("model_not_found"),
        unexpected: false,
      }),
    );
    const span = tracing.span("req");
    expect(span.attributes).toMatchObject({ "error.type": "model_not_found", "http.response.status_code": 404 });
    expect(span.status.code).toBe(SpanStatusCode.UNSET);
    expect(span.events).toEqual([]);
  });

  it("a 5xx with a code: status ERROR, no exception for a ContractError", async () => {
    tracing = startTracing();
    await tracing.inSpan("req", () =>
      recordErrorOnActiveSpan({
        status: 502,
        code: "bad_response",
        error: createError("bad_response"),
        unexpected: false,
      }),
    );
    const span = tracing.span("req");
    expect(span.attributes).toMatchObject({ "error.type": "bad_response", "http.response.status_code": 502 });
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(span.events).toEqual([]);
  });

  it("no code: error.type is the status as a string (low cardinality)", async () => {
    tracing = startTracing();
    await tracing.inSpan("req", () =>
      recordErrorOnActiveSpan({ status: 429, code: null, error: createError(429), unexpected: false }),
    );
    expect(tracing.span("req").attributes["error.type"]).toBe("429");
    expect(tracing.span("req").status.code).toBe(SpanStatusCode.UNSET);
  });

  it("an unexpected error: 500, status ERROR and the exception recorded on the span (not in the body)", async () => {
    tracing = startTracing();
    const boom = new TypeError("cannot read x of undefined");
    await tracing.inSpan("req", () => {
      const response = toErrorResponse(boom, { onError: () => undefined });
      recordErrorOnActiveSpan({
        status: response.status,
        code: response.body.error.code,
        error: boom,
        unexpected: true,
      });
    });
    const span = tracing.span("req");
    expect(span.attributes["error.type"]).toBe("500");
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    expect(
      span.events.map((e) => [e.name, e.attributes?.["exception.type"], e.attributes?.["exception.message"]]),
    ).toEqual([["exception", "TypeError", "cannot read x of undefined"]]);
  });

  it("a framework's 4xx (http-errors style) is a client mistake: no exception; its 5xx is unexpected: recorded", async () => {
    const httpError = (status: number) =>
      Object.assign(new Error(`framework ${status}`), { status, statusCode: status, expose: status < 500 });
    tracing = startTracing();
    const quiet = { onError: () => undefined };
    await tracing.inSpan("req-4xx", () => respondToError(httpError(404), quiet, undefined, undefined));
    await tracing.inSpan("req-5xx", () => respondToError(httpError(503), quiet, undefined, undefined));
    expect(tracing.span("req-4xx").attributes).toMatchObject({ "http.response.status_code": 404 });
    expect(tracing.span("req-4xx").events).toEqual([]);
    expect(tracing.span("req-5xx").status.code).toBe(SpanStatusCode.ERROR);
    expect(tracing.span("req-5xx").events.map((e) => e.name)).toEqual(["exception"]);
  });

  it("a thrown non-Error is recorded as a string", async () => {
    tracing = startTracing();
    await tracing.inSpan("req", () =>
      recordErrorOnActiveSpan({ status: 500, code: null, error: 42, unexpected: true }),
    );
    expect(tracing.span("req").events[0]?.attributes?.["exception.message"]).toBe("42");
  });

  it("outside any span nothing is recorded and nothing throws", () => {
    tracing = startTracing();
    expect(activeSpan()).toBeUndefined();
    expect(() =>
      recordErrorOnActiveSpan({ status: 500, code: null, error: new Error("x"), unexpected: true }),
    ).not.toThrow();
    expect(tracing.exporter.getFinishedSpans()).toEqual([]);
  });

  it("a span that throws from every method does not break the caller", async () => {
    tracing = startTracing();
    await tracing.inSpan("req", (span) => {
      span.setAttribute = () => {
        throw new Error("processor down");
      };
      expect(() =>
        recordErrorOnActiveSpan({ status: 500, code: null, error: new Error("x"), unexpected: true }),
      ).not.toThrow();
    });
  });
});

describe("without a registered SDK", () => {
  it("the API installed but no SDK: no active span, a no-op", () => {
    expect(trace.getActiveSpan()).toBeUndefined();
    expect(activeSpan()).toBeUndefined();
    expect(() =>
      recordErrorOnActiveSpan({ status: 500, code: null, error: new Error("x"), unexpected: true }),
    ).not.toThrow();
  });

  it("a hostile value in the API's global slot is ignored", () => {
    const key = Symbol.for("opentelemetry.js.api.1");
    const g = globalThis as Record<symbol, unknown>;
    for (const bad of [
      42,
      { context: null },
      { context: { active: () => null } },
      {
        context: {
          active: () => {
            throw new Error("x");
          },
        },
      },
      { context: { active: () => ({ getValue: () => ({ setAttribute: 1 }) }) } },
    ]) {
      g[key] = bad;
      try {
        expect(activeSpan()).toBeUndefined();
      } finally {
        delete g[key];
      }
    }
  });
});
