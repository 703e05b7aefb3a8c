import { createServer } from "node:http";
import { trace } from "@opentelemetry/api";
import { afterEach, describe, expect, it } from "vitest";
import { sendSseError } from "../src/adapters/node/index.js";
import { createError, sseErrorEvent, toFetchResponse } from "../src/index.js";
import { listen } from "./helpers/http.js";
import { startTracing, type TestTracing } from "./helpers/otel.js";

// Issue 21, "one pipeline": the forms that went around it (SSE events, toFetchResponse) now
// pass the same stages, so they are recorded on the active span like every adapter's answer.
let tracing: TestTracing | undefined;
afterEach(async () => {
  await tracing?.stop();
  tracing = undefined;
});

describe("every form is recorded on the active span", () => {
  it.each([
    ["sseErrorEvent", () => void sseErrorEvent(createError("bad_response"))],
    ["toFetchResponse", () => void toFetchResponse(createError("bad_response"))],
  ])("%s", async (_name, make) => {
    tracing = startTracing();
    await tracing.inSpan("req", make);
    expect(tracing.span("req").attributes).toMatchObject({
      "error.type": "bad_response",
      "http.response.status_code": 502,
    });
  });

  it("sendSseError over a real stream", async () => {
    tracing = startTracing();
    const tracer = trace.getTracer("test");
    const server = await listen(
      createServer((_req, res) =>
        tracer.startActiveSpan("server", (span) => {
          res.on("close", () => span.end());
          res.writeHead(200, { "content-type": "text/event-stream" });
          res.write("data: {}\n\n");
          sendSseError(res, createError("bad_response"), { onError: () => undefined });
        }),
      ),
    );
    try {
      const text = await (await fetch(server.url)).text();
      expect(text).toContain('"code":"bad_response"');
    } finally {
      await server.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(tracing.span("server").attributes).toMatchObject({ "error.type": "bad_response" });
  });
});
