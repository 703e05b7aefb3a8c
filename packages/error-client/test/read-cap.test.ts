import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MAX_BODY_BYTES, fetchWithContract, parseErrorResponse } from "../src/index.js";
import { startServer, type TestServer } from "./helpers/server.js";

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = 1024;
// Loopback socket buffers hold a few MB (about 4 MB measured on Linux); draining would be 100 MB.
const SOCKET_BUFFERS_AT_MOST = 16 * 1024 * 1024;

/**
 * A 100 MB body that exists only as a count: each pull makes one 1 KiB chunk, so the test
 * measures exactly how much the reader pulled, and never allocates more than a chunk.
 */
function countingBody(prefix: string) {
  const stats = { pulled: 0, cancelled: false };
  const head = new TextEncoder().encode(prefix);
  const filler = new Uint8Array(CHUNK).fill(0x61);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = stats.pulled === 0 ? head : filler;
        stats.pulled += chunk.byteLength;
        controller.enqueue(chunk);
        if (stats.pulled >= HUNDRED_MB) controller.close();
      },
      cancel() {
        stats.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, stats };
}

describe("a huge error body is read up to the cap and the rest is cancelled", () => {
  it.each([
    {
      name: "HTML page",
      prefix: "<html><head><title>502 Bad Gateway</title></head><body>",
      cap: undefined,
      want: { status: 502, detail: "502 Bad Gateway" },
    },
    {
      name: "JSON that never ends",
      prefix: '{"error":{"message":"',
      cap: undefined,
      want: { status: 502, isContract: false },
    },
    { name: "a custom cap", prefix: "oops ", cap: 4096, want: { status: 502 } },
  ])("$name", async ({ prefix, cap, want }) => {
    const { stream, stats } = countingBody(prefix);
    const error = await parseErrorResponse(
      new Response(stream, { status: 502 }),
      cap === undefined ? undefined : { maxBodyBytes: cap },
    );
    expect(error).toMatchObject(want);
    const limit = cap ?? DEFAULT_MAX_BODY_BYTES;
    // At most one chunk past the cap was pulled (the one that crossed it), and the source was told to stop.
    expect(stats.pulled).toBeLessThanOrEqual(limit + CHUNK);
    expect(stats.pulled).toBeGreaterThanOrEqual(limit);
    expect(stats.cancelled).toBe(true);
  });

  it("a body exactly at the cap is not cut and not cancelled", async () => {
    const body = JSON.stringify({ error: { message: "m", code: "empty_response" } });
    const error = await parseErrorResponse(new Response(body, { status: 502 }), {
      maxBodyBytes: new TextEncoder().encode(body).byteLength,
    });
    expect(error).toMatchObject({ code: "empty_response", isContract: true });
  });
});

describe("over real HTTP", () => {
  let server: TestServer;
  const sent = { bytes: 0, closed: false };

  beforeAll(async () => {
    server = await startServer({
      // Writes a nominal 100 MB page, honouring backpressure, until the client hangs up.
      "/huge": (_req, res) => {
        res.writeHead(503, { "content-type": "text/html", "content-length": String(HUNDRED_MB) });
        res.write("<html><head><title>Service Unavailable</title></head><body>");
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const pump = (): void => {
          while (!res.destroyed && sent.bytes < HUNDRED_MB) {
            sent.bytes += chunk.byteLength;
            if (!res.write(chunk)) {
              res.once("drain", pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        res.on("close", () => {
          sent.closed = true;
        });
        pump();
      },
    });
  });
  afterAll(() => server.close());

  it("parses the status and title, cancels the stream, and the server stops sending", async () => {
    const error = await parseErrorResponse(await fetch(server.url("/huge")));
    expect(error).toMatchObject({ status: 503, detail: "Service Unavailable", type: "upstream_error" });
    await expect.poll(() => sent.closed).toBe(true);
    // Only socket buffers' worth was ever sent, far from 100 MB: the body was not drained.
    expect(sent.bytes).toBeLessThan(SOCKET_BUFFERS_AT_MOST);
  });

  it("fetchWithContract reads its error the same way", async () => {
    sent.bytes = 0;
    sent.closed = false;
    const error = await fetchWithContract(server.url("/huge"), undefined, { retry: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, detail: "Service Unavailable" });
    await expect.poll(() => sent.closed).toBe(true);
    expect(sent.bytes).toBeLessThan(SOCKET_BUFFERS_AT_MOST);
  });
});
