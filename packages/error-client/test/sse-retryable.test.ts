import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, isRetryable, readSseEvents } from "../src/index.js";
import { startServer, type TestServer } from "./helpers/server.js";

// A started stream has sent its 200 and its headers: the error event's own `retryable` flag
// (sent by @org/error-server's sseErrorEvent) is the only place retryability can travel.
const event = (data: unknown, name?: string) => `${name ? `event: ${name}\n` : ""}data: ${JSON.stringify(data)}\n\n`;
const error = { message: "Internal server error", type: "server_error", code: null };

let server: TestServer;
beforeAll(async () => {
  const route =
    (text: string, headers: Record<string, string> = {}) =>
    (_req: unknown, res: import("node:http").ServerResponse) => {
      res.writeHead(200, { "content-type": "text/event-stream", ...headers }).end(text);
    };
  server = await startServer({
    "/retryable": route(event({ error, retryable: true })),
    "/not-retryable": route(
      event(
        { type: "error", error: { ...error, code: "get_channel_failed", type: "upstream_error" }, retryable: false },
        "error",
      ),
    ),
    "/flag-wins-over-header": route(event({ error, retryable: true }), { "x-should-retry": "false" }),
    "/no-flag": route(event({ error })),
    "/not-a-boolean": route(event({ error, retryable: "true" })),
  });
});
afterAll(() => server.close());

async function thrown(path: string): Promise<ApiError> {
  try {
    for await (const _ of readSseEvents(await fetch(server.url(path)))) expect.unreachable("no data event expected");
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error(`${path}: no error was thrown`);
}

describe("readSseEvents: an error event's `retryable` flag", () => {
  it.each([
    { path: "/retryable", shouldRetry: true, retryable: true },
    // The flag says no although the catalog says get_channel_failed may be retried: the sender knows best, as with the header.
    { path: "/not-retryable", shouldRetry: false, retryable: false },
    { path: "/flag-wins-over-header", shouldRetry: true, retryable: true },
    // Without a flag: the old behaviour (status 200 of the stream: not retried).
    { path: "/no-flag", shouldRetry: null, retryable: false },
    { path: "/not-a-boolean", shouldRetry: null, retryable: false },
  ])("$path: shouldRetry $shouldRetry", async ({ path, shouldRetry, retryable }) => {
    const e = await thrown(path);
    expect(e.shouldRetry).toBe(shouldRetry);
    expect(isRetryable(e)).toBe(retryable);
    expect(e.status).toBe(200);
  });
});
