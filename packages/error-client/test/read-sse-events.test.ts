import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, readSseEvents, type SseEvent } from "../src/index.js";
import { type Handler, startServer, type TestServer } from "./helpers/server.js";

const SSE = { "content-type": "text/event-stream", "cache-control": "no-cache" };

/** Streams `parts` as separate writes (a real tick apart), so the client sees them split. */
const stream =
  (parts: (string | Buffer)[], end: "end" | "destroy" = "end"): Handler =>
  async (_req, res) => {
    res.writeHead(200, SSE);
    for (const part of parts) {
      res.write(part);
      await new Promise((r) => setImmediate(r));
    }
    if (end === "end") res.end();
    else res.destroy();
  };

const euro = Buffer.from("€"); // three bytes, split across writes below
const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;
const openAiError = `data: ${JSON.stringify({ error: { message: "no channel", type: "upstream_error", code: "get_channel_failed" } })}\n\n`;
const anthropicError = `event: error\ndata: ${JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } })}\n\n`;

const foreverClosed = { value: false };
let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "/chat": stream([chunk("Hel"), chunk("lo"), "data: [DONE]\n\n"]),
    "/fields": stream([
      ": a comment\r\n",
      "event: ping\r\nid: 7\r\nretry: 1500\r\ndata: one\r\ndata: two\r",
      "\n\r\n",
      "data:no-space\n\n",
      "id: 8\ndata\n\n",
      "event: skipped-without-data\n\n",
      Buffer.concat([Buffer.from("data: "), euro.subarray(0, 1)]),
      Buffer.concat([euro.subarray(1), Buffer.from("\n\n")]),
      "data: last without a blank line",
    ]),
    "/success-with-error-null": stream([`data: ${JSON.stringify({ id: "x", error: null })}\n\n`]),
    "/openai-error": stream([chunk("partial"), openAiError, chunk("never seen")]),
    "/anthropic-error": stream([`event: message_start\ndata: {"type":"message_start"}\n\n`, anthropicError]),
    "/text-error": stream(["event: error\ndata: upstream <b>closed</b>\n\n"]),
    "/http-error": (_req, res) => {
      res
        .writeHead(429, { "content-type": "application/json", "retry-after": "3" })
        .end(JSON.stringify({ error: { message: "slow down", type: "rate_limit_error", code: null } }));
    },
    "/huge-line": stream([`data: ${"x".repeat(40_000)}`, "x".repeat(40_000)]),
    "/broken": stream([chunk("a")], "destroy"),
    "/forever": (_req, res) => {
      res.writeHead(200, SSE);
      const timer = setInterval(() => res.write(chunk("tick")), 5);
      res.on("close", () => {
        clearInterval(timer);
        foreverClosed.value = true;
      });
    },
  });
});
afterAll(() => server.close());

async function collect(path: string, options?: Parameters<typeof readSseEvents>[1]) {
  const events: SseEvent[] = [];
  let error: unknown;
  try {
    for await (const event of readSseEvents(await fetch(server.url(path)), options)) events.push(event);
  } catch (e) {
    error = e;
  }
  return { events, error };
}

describe("readSseEvents", () => {
  it("yields the events of a stream, [DONE] included", async () => {
    const { events, error } = await collect("/chat");
    expect(error).toBeUndefined();
    expect(events.map((e) => e.data)).toEqual(
      [chunk("Hel"), chunk("lo"), "data: [DONE]\n\n"].map((s) => s.slice(6, -2)),
    );
    expect(events.every((e) => e.event === "message")).toBe(true);
  });

  it("follows the event-stream format: CRLF/CR/LF, comments, fields, split chunks, UTF-8 split", async () => {
    const { events } = await collect("/fields");
    expect(events).toEqual([
      { event: "ping", data: "one\ntwo", id: "7", retry: 1500 },
      { event: "message", data: "no-space", id: "7", retry: null },
      { event: "message", data: "", id: "8", retry: null },
      { event: "message", data: "€", id: "8", retry: null },
      { event: "message", data: "last without a blank line", id: "8", retry: null },
    ]);
  });

  it("yields a success whose data has error: null", async () => {
    const { events, error } = await collect("/success-with-error-null");
    expect(error).toBeUndefined();
    expect(events).toHaveLength(1);
  });

  it.each([
    {
      path: "/openai-error",
      seen: 1,
      want: { status: 200, code: "get_channel_failed", isContract: true, detail: "no channel" },
    },
    {
      path: "/anthropic-error",
      seen: 1,
      want: { status: 200, code: null, type: "overloaded_error", detail: "Overloaded" },
    },
    { path: "/text-error", seen: 0, want: { status: 200, code: null, isContract: false, detail: "upstream closed" } },
    {
      path: "/http-error",
      seen: 0,
      want: { status: 429, type: "rate_limit_error", retryAfterMs: 3000, detail: "slow down" },
    },
    { path: "/broken", seen: 1, want: { kind: "network", detail: "the event stream broke before it ended" } },
  ])("throws an ApiError for $path after $seen events", async ({ path, seen, want }) => {
    const { events, error } = await collect(path);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(want);
    expect(events).toHaveLength(seen);
  });

  it("ends an event longer than the cap with an ApiError, and cancels the stream", async () => {
    const { error } = await collect("/huge-line", { maxEventLength: 50_000 });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).detail).toBe(
      "an event of the stream is longer than 50000 characters; the stream was cancelled",
    );
  });

  it("cancels the server's stream when the loop is left early", async () => {
    let seen = 0;
    for await (const event of readSseEvents(await fetch(server.url("/forever")))) {
      expect(event.data).toContain("tick");
      if (++seen === 3) break;
    }
    await expect.poll(() => foreverClosed.value).toBe(true);
  });
});
