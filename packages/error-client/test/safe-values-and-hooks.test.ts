import { describe, expect, it } from "vitest";
import { fetchWithContract, parseErrorBody, readSseEvents } from "../src/index.js";
import { isSafeDocUrl, isSafeText, rejection } from "./faults/invariants.js";
import { whole } from "./faults/server-faults.js";
import { useFaultServers } from "./faults/servers.js";

// Issue 22, defects 5-8.
const servers = useFaultServers();

const failure = rejection;
const JSON_TYPE = { "content-type": "application/json" };
const envelope = (error: Record<string, unknown>) => JSON.stringify({ error: { message: "m", type: "t", ...error } });

describe("defect 5: only safe values are passed on", () => {
  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/relative",
    "//evil.example/x",
    "https://docs.example/a b",
    "https://docs.example/\r\nx",
    `https://docs.example/${"a".repeat(60_000)}`,
  ])("docUrl %j is dropped", (docUrl) => {
    const e = parseErrorBody({ status: 404, body: envelope({ code: "model_not_found", doc_url: docUrl }) });
    expect(e.docUrl).toBeNull();
  });

  it("an absolute http(s) docUrl of bounded length is kept", () => {
    const url = "https://docs.example/errors#model_not_found";
    expect(parseErrorBody({ status: 404, body: envelope({ doc_url: url }) }).docUrl).toBe(url);
  });

  it("a javascript: docUrl in a 2xx error envelope through fetchWithContract is dropped too", async () => {
    const body = envelope({ code: "get_channel_failed", doc_url: "javascript:alert(1)" });
    const e = await failure(
      fetchWithContract(
        servers.plain.route(() => whole(200, JSON_TYPE, body)),
        {},
        { retry: false },
      ),
    );
    expect(e.code).toBe("get_channel_failed");
    expect(e.docUrl).toBeNull();
  });

  it("type and param lose CR/LF, ANSI escapes and bidi overrides, and are capped", () => {
    const hostile = "x\r\n2025-01-01 INFO ok \u001b[31mred\u202eevil\u2028" + "y".repeat(10_000);
    const e = parseErrorBody({
      status: 400,
      body: JSON.stringify({ error: { message: "m", type: hostile, param: hostile } }),
    });
    for (const value of [e.type, e.param]) {
      expect(value).not.toBeNull();
      expect(isSafeText(value as string, 200)).toBe(true);
    }
    expect(isSafeDocUrl("https://a.example/x")).toBe(true);
  });
});

describe("defect 6: hooks never change the outcome", () => {
  it.each([
    [
      "throws",
      () => {
        throw new Error("hook");
      },
    ],
    ["rejects", () => Promise.reject(new Error("hook"))],
  ])("an onRetry that %s: the retries are made and the ApiError is the server's", async (_name, onRetry) => {
    const url = servers.plain.route(() => whole(503, {}, "busy"));
    const e = await failure(fetchWithContract(url, {}, { retry: { maxRetries: 2, baseDelayMs: 1 }, onRetry }));
    expect(e.status).toBe(503);
    expect(servers.plain.hits(url)).toBe(3);
  });
});

describe("defect 7: nothing is lost when a read fails", () => {
  let sent = 0;
  const breaking = (status: number, headers: Record<string, string>) =>
    new Response(
      new ReadableStream({
        // The first read gets a piece; the next one fails (error() would drop what is queued).
        pull(c) {
          if (sent++ === 0) c.enqueue(new TextEncoder().encode('{"error":{"message":"no pr'));
          else c.error(new Error("stream broke"));
        },
      }),
      { status, headers },
    );

  it("a body that breaks: says what failed, keeps what was read, takes the code from x-error-code, not retried", async () => {
    let calls = 0;
    const fetch = () => (calls++, Promise.resolve(breaking(402, { "x-error-code": "model_price_error" })));
    const e = await failure(fetchWithContract("https://api.example/v1", {}, { fetch, retry: { baseDelayMs: 1 } }));
    expect(e).toMatchObject({ status: 402, code: "model_price_error", url: "https://api.example/v1" });
    expect(e.detail).toMatch(/could not be read after 26 bytes: stream broke$/);
    expect(e.body).toBe('{"error":{"message":"no pr');
    expect(calls).toBe(1);
  });

  it("a mislabelled content-encoding: gzip says so, and x-should-retry: false holds", async () => {
    const headers = { ...JSON_TYPE, "content-encoding": "gzip", "x-should-retry": "false" };
    const url = servers.plain.route(() => whole(500, headers, "hello"));
    const e = await failure(fetchWithContract(url, {}, { retry: { baseDelayMs: 1 } }));
    expect(e.detail).toMatch(/could not be read .*Z_DATA_ERROR/);
    expect(servers.plain.hits(url)).toBe(1);
  });

  it("an abort during the 2xx error check rejects as aborted with the status", async () => {
    const caller = new AbortController();
    const url = servers.plain.route(() => [
      { write: "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{" },
      "hang",
    ]);
    setTimeout(() => caller.abort(), 100);
    const e = await failure(fetchWithContract(url, { signal: caller.signal }));
    expect(e).toMatchObject({ kind: "aborted", status: 200 });
  });

  it("an abort during an error body read keeps the status", async () => {
    const caller = new AbortController();
    const url = servers.plain.route(() => [{ write: "HTTP/1.1 503 X\r\ncontent-length: 100\r\n\r\nbusy" }, "hang"]);
    setTimeout(() => caller.abort(), 100);
    const e = await failure(fetchWithContract(url, { signal: caller.signal }));
    expect(e).toMatchObject({ kind: "aborted", status: 503 });
  });

  it("Response.error() is a network failure, and an error from a custom fetch keeps the request URL", async () => {
    const e = await failure(
      fetchWithContract(
        "https://api.example/v1?key=secret",
        {},
        { fetch: () => Promise.resolve(Response.error()), retry: false },
      ),
    );
    expect(e).toMatchObject({ kind: "network", url: "https://api.example/v1" });
    const f = await failure(
      fetchWithContract(
        "https://api.example/v1",
        {},
        { fetch: () => Promise.resolve(new Response("no", { status: 404 })) },
      ),
    );
    expect(f).toMatchObject({ status: 404, url: "https://api.example/v1" });
  });
});

describe("defect 8: an event stream that is not one", () => {
  const sse = (body: string) => new Response(body, { headers: { "content-type": "text/event-stream" } });
  const drain = async (response: Response, options?: { maxEventLength?: number }) => {
    for await (const event of readSseEvents(response, options)) void event;
  };

  it("a raw JSON error under text/event-stream is that error", async () => {
    const e = await failure(drain(sse(envelope({ type: "upstream_error", code: "get_channel_failed" }))));
    expect(e).toMatchObject({ status: 200, code: "get_channel_failed" });
  });

  it("a proxy's plain-text error under text/event-stream is an error, not an empty stream", async () => {
    const e = await failure(drain(sse("upstream connect error or disconnect/reset before headers\n")));
    expect(e.detail).toMatch(/^expected an event stream, got: upstream connect error/);
  });

  it("a stream of comments only, and an empty body, are still empty streams", async () => {
    await expect(drain(sse(": ping\n\n"))).resolves.toBeUndefined();
    await expect(drain(sse(""))).resolves.toBeUndefined();
  });

  it.each([NaN, 0, -1, "10" as unknown as number])("maxEventLength %s is a TypeError", async (maxEventLength) => {
    await expect(drain(sse("data: x\n\n"), { maxEventLength })).rejects.toThrow(TypeError);
  });

  it("maxEventLength Infinity means no cap", async () => {
    await expect(
      drain(sse(`data: ${"x".repeat(2_000_000)}\n\n`), { maxEventLength: Infinity }),
    ).resolves.toBeUndefined();
  });
});
