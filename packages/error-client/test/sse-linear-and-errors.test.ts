import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, readSseEvents, type SseEvent } from "../src/index.js";
import { SseParser } from "../src/sse-parser.js";
import { reply, startServer, type TestServer } from "./helpers/server.js";

// Defects 2 and 8 of issue 12.

/** Feeds `text` cut into chunks of `size` characters; the events, and how many characters were scanned. */
function feed(text: string, size: number): { events: SseEvent[]; scanned: number } {
  const parser = new SseParser(Number.MAX_SAFE_INTEGER);
  const events: SseEvent[] = [];
  for (let i = 0; i < text.length; i += size) events.push(...parser.push(text.slice(i, i + size)));
  events.push(...parser.end());
  return { events, scanned: parser.scanned };
}

describe("SSE parsing is linear in the text, whatever the chunking", () => {
  // Work units, not time: the parser counts each character it examines looking for a line
  // end. A parser that rescans an unfinished line on every chunk examines ~n^2/2 of them.
  it.each([1, 2, 16, 1000])("a 200,000-character line in %i-character chunks is scanned once", (size) => {
    const line = `data: ${"x".repeat(200_000)}\n\n`;
    const { events, scanned } = feed(line, size);
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toHaveLength(200_000);
    expect(scanned).toBeLessThanOrEqual(line.length);
  });

  it("work grows linearly: twice the input, twice the work (quadratic would be four times)", () => {
    const a = feed(`data: ${"y".repeat(50_000)}`, 1).scanned;
    const b = feed(`data: ${"y".repeat(100_000)}`, 1).scanned;
    expect(b / a).toBeLessThan(2.1);
  });

  it("many short lines and CR / CRLF / LF endings: still one scan", () => {
    const text = "data: a\r\ndata: b\rdata: c\n\n".repeat(5_000);
    for (const size of [1, 3, 7]) {
      const { events, scanned } = feed(text, size);
      expect(events).toHaveLength(5_000);
      expect(scanned).toBeLessThanOrEqual(text.length);
    }
  });

  it("any chunking gives the events of the whole text (CRLF split across chunks included)", () => {
    const piece = fc.constantFrom(
      "data: a",
      "data:b",
      "event: e",
      "id: 1",
      ": c",
      "retry: 5",
      "\n",
      "\r",
      "\r\n",
      "é",
      "😀",
      "x",
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
        (pieces, sizes) => {
          const text = pieces.join("");
          const whole = feed(text, Math.max(1, text.length)).events;
          const parser = new SseParser(Number.MAX_SAFE_INTEGER);
          const events: SseEvent[] = [];
          for (let i = 0, k = 0; i < text.length; k++) {
            const size = sizes[k % sizes.length] ?? 1;
            events.push(...parser.push(text.slice(i, i + size)));
            i += size;
          }
          events.push(...parser.end());
          expect(events).toEqual(whole);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const envelope = JSON.stringify({
  error: { message: "no channel", type: "upstream_error", code: "get_channel_failed" },
});
const google = JSON.stringify([
  { error: { code: 429, message: "Resource has been exhausted", status: "RESOURCE_EXHAUSTED" } },
]);

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "/json-envelope": reply({ status: 200, headers: { "content-type": "application/json" }, body: envelope }),
    "/json-not-a-stream": reply({
      status: 200,
      headers: { "content-type": "application/json; charset=utf-8" },
      body: '{"id":"chatcmpl-1","choices":[]}',
    }),
    "/html-200": reply({
      status: 200,
      headers: { "content-type": "text/html" },
      body: "<html><title>Login required</title></html>",
    }),
    "/google-array": reply({
      status: 200,
      headers: { "content-type": "text/event-stream" },
      body: `data: {"candidates":[]}\n\ndata: ${google}\n\n`,
    }),
    "/google-array-crlf": reply({
      status: 200,
      headers: { "content-type": "text/event-stream" },
      body: `data: ${google}\r\n\r\n`,
    }),
  });
});
afterAll(() => server.close());

async function drain(path: string): Promise<{ events: SseEvent[]; error: unknown }> {
  const events: SseEvent[] = [];
  try {
    for await (const event of readSseEvents(await fetch(server.url(path)))) events.push(event);
    return { events, error: undefined };
  } catch (error) {
    return { events, error };
  }
}

describe("readSseEvents raises what is not a stream of data", () => {
  it("a 200 application/json error envelope raises its ApiError", async () => {
    const { events, error } = await drain("/json-envelope");
    expect(events).toEqual([]);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: "get_channel_failed", isContract: true, detail: "no channel" });
  });

  it("a 200 JSON or HTML response that is no envelope raises an ApiError saying it is not an event stream", async () => {
    for (const path of ["/json-not-a-stream", "/html-200"]) {
      const { error } = await drain(path);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).detail).toMatch(/^expected an event stream, got (application\/json|text\/html)/);
    }
  });

  it.each(["/google-array", "/google-array-crlf"])("a Google array-wrapped error in data raises (%s)", async (path) => {
    const { error } = await drain(path);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 200,
      rawCode: 429,
      type: "RESOURCE_EXHAUSTED",
      detail: "Resource has been exhausted",
      isContract: true,
    });
  });

  it("not a Response: TypeError", async () => {
    await expect(readSseEvents({} as Response).next()).rejects.toThrow(TypeError);
  });
});
