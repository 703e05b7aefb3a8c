import { type ApiError, isApiError, isRetryable, parseErrorResponse, readSseEvents } from "@org/error-client";
import { DIALECT_NAMES, type Dialect, ERROR_CODES } from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createError, type ErrorContext } from "@org/error-server";
import { type NodeRequest, sendError, sendSseError } from "@org/error-server/node";
import { type Running, serveNode } from "./serve.js";

// Over real HTTP: the error a started stream reports with sendSseError must reach the client
// as the same ApiError (code, type, request id, retryability) as the non-streamed answer.
const CASES = [...ERROR_CODES, "429", "unexpected"] as const;
const make = (name: string): unknown =>
  name === "429"
    ? createError(429, "Slow down")
    : name === "unexpected"
      ? new Error("db at 10.0.0.7 down")
      : createError(name as never);
const quiet = { onError: () => undefined };
const reported: Array<ErrorContext<NodeRequest>> = [];
let server: Running;

beforeAll(async () => {
  server = await serveNode(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const error = make(url.searchParams.get("case") ?? "");
    const asked = url.searchParams.get("dialect");
    const dialect: Dialect = DIALECT_NAMES.find((d) => d === asked) ?? "openai";
    const onError = (_e: unknown, context: ErrorContext<NodeRequest>) => void reported.push(context);
    switch (url.pathname) {
      case "/plain":
        return sendError(res, error, { dialect, ...quiet });
      case "/stream":
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        res.write(`data: ${JSON.stringify({ choices: [{ delta: { content: "Hel" } }] })}\n\n`);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return sendSseError(res, error, { dialect, ...quiet });
      case "/not-started":
        res.setHeader("content-type", "text/event-stream");
        return sendSseError(res, error, quiet);
      case "/started-json":
        res.setHeader("content-type", "application/json");
        res.writeHead(200);
        res.write('{"partial":');
        return sendSseError(res, error, { onError });
      case "/ended":
        res.writeHead(200, { "content-type": "text/event-stream" }).end("data: done\n\n");
        return sendSseError(res, error, { onError });
    }
  });
});
afterAll(() => server.close());

const headers = (i: number) => ({ "x-request-id": `req-${i}` });
const view = (e: ApiError) => ({
  code: e.code,
  type: e.type,
  requestId: e.requestId,
  retryable: isRetryable(e),
  detail: e.detail,
  isContract: e.isContract,
});

async function streamed(path: string, i: number): Promise<{ error: ApiError; events: number }> {
  let events = 0;
  try {
    for await (const _ of readSseEvents(await fetch(server.url + path, { headers: headers(i) }))) events++;
  } catch (e) {
    if (isApiError(e)) return { error: e, events };
    throw e;
  }
  throw new Error(`${path}: the stream ended without an error`);
}

describe("sendSseError over HTTP, read by @org/error-client", () => {
  it.each(CASES.flatMap((name, i) => DIALECT_NAMES.map((dialect) => ({ name, i, dialect }))))(
    "$name ($dialect): readSseEvents raises the ApiError parseErrorResponse gives for the plain answer in the same dialect",
    async ({ name, i, dialect }) => {
      const query = `case=${encodeURIComponent(name)}&dialect=${dialect}`;
      const plain = await parseErrorResponse(await fetch(`${server.url}/plain?${query}`, { headers: headers(i) }));
      const { error, events } = await streamed(`/stream?${query}`, i);
      expect(events).toBe(1);
      expect(view(error)).toEqual(view(plain));
      expect(error).toMatchObject({ requestId: `req-${i}`, isContract: true, status: 200 });
    },
  );

  it("the stream ends cleanly after the event (no reset connection)", async () => {
    const text = await (await fetch(`${server.url}/stream?case=get_channel_failed`, { headers: headers(1) })).text();
    expect(text).toMatch(/\n\ndata: \{"error":\{[^\n]*"code":"get_channel_failed"[^\n]*\}\n\n$/);
  });

  it("before the stream has started it answers with the error's status, like sendError", async () => {
    const res = await fetch(`${server.url}/not-started?case=model_not_found`, { headers: headers(2) });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: "model_not_found", request_id: "req-2" } });
  });

  it("a started response known (setHeader) not to be an event stream is cut off, and onError is told", async () => {
    reported.length = 0;
    // Cut off: the client sees a broken response (at the headers or in the body), never a short one.
    await expect(fetch(`${server.url}/started-json?case=bad_response`).then((r) => r.text())).rejects.toThrow();
    await vi.waitFor(() =>
      expect(reported).toEqual([expect.objectContaining({ code: "bad_response", headersSent: true })]),
    );
  });

  it("a finished response is left alone; onError is told", async () => {
    reported.length = 0;
    expect(await (await fetch(`${server.url}/ended?case=bad_response`)).text()).toBe("data: done\n\n");
    await vi.waitFor(() =>
      expect(reported).toEqual([expect.objectContaining({ code: "bad_response", headersSent: true })]),
    );
  });

  it("an unknown format is a TypeError, thrown before anything is written", () => {
    const res = {
      headersSent: true,
      writableEnded: false,
      destroyed: false,
      getHeader: () => "text/event-stream",
      end: vi.fn(),
      destroy: vi.fn(),
    };
    expect(() => sendSseError(res as never, createError("invalid_request"), { format: "json" as never })).toThrow(
      TypeError,
    );
    expect(res.end).not.toHaveBeenCalled();
    expect(res.destroy).not.toHaveBeenCalled();
  });
});
