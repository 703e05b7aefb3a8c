import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, fetchWithContract, type RetryEvent } from "../src/index.js";
import { reply, startServer, type TestServer } from "./helpers/server.js";

// Defect 5 of issue 12: programming errors throw at once, unretried, as TypeError; only real
// transport failures are network errors, and only they are retried.

let server: TestServer;
let closedPort = 0;
beforeAll(async () => {
  server = await startServer({
    "/ok": reply({ status: 200, body: "ok" }),
    // Accepts, then destroys the socket before any response: a reset / closed socket.
    "/reset": (req) => void req.socket.destroy(),
  });
  // A port nothing listens on: connection refused.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => server.close());

const policy = { baseDelayMs: 1, jitter: 0 };

async function attempt(input: string, init?: RequestInit, options?: Parameters<typeof fetchWithContract>[2]) {
  const retries: RetryEvent[] = [];
  try {
    await fetchWithContract(input, init, { retry: policy, onRetry: (e) => retries.push(e), ...options });
    return { error: undefined, retries };
  } catch (error) {
    return { error, retries };
  }
}

describe("programming errors throw at once as TypeError", () => {
  it.each([
    { name: "an invalid URL", url: "not a url" },
    { name: "a relative URL (no base in Node)", url: "/v1/models" },
    { name: "an unsupported scheme", url: "ftp://127.0.0.1/x" },
    { name: "a file: URL", url: "file:///etc/passwd" },
    { name: "a header value with \\n", url: "/ok", init: { headers: { "x-a": "b\nc" } } },
    { name: "a header value with \\r", url: "/ok", init: { headers: [["x-a", "b\rc"]] as [string, string][] } },
    { name: "a header name with a space", url: "/ok", init: { headers: { "x a": "b" } } },
    { name: "GET with a body", url: "/ok", init: { body: "x" } },
    { name: "HEAD with a body", url: "/ok", init: { method: "HEAD", body: "x" } },
    { name: "a blocked port", url: "http://127.0.0.1:1/" },
  ])("$name", async ({ url, init }) => {
    const hits = server.hits("/ok");
    const { error, retries } = await attempt(url.startsWith("/") && url !== "/v1/models" ? server.url(url) : url, init);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(retries).toEqual([]);
    expect(server.hits("/ok")).toBe(hits);
  });

  it("json together with init.body", async () => {
    const { error } = await attempt(server.url("/ok"), { method: "POST", body: "x" }, { json: { a: 1 } });
    expect(error).toBeInstanceOf(TypeError);
  });

  it.each([
    { name: "a TypeError thrown by a custom fetch", fetch: () => Promise.reject(new TypeError("bad input")) },
    {
      name: "a TypeError thrown synchronously",
      fetch: () => {
        throw new TypeError("sync");
      },
    },
    {
      name: "a custom fetch resolving to something that is not a Response",
      fetch: () => Promise.resolve({} as Response),
    },
    {
      name: "a RangeError from a custom fetch (not a transport failure)",
      fetch: () => Promise.reject(new RangeError("x")),
      want: RangeError,
    },
  ])("$name: thrown as it is, called once", async ({ fetch, want }) => {
    let calls = 0;
    const counted = (...args: Parameters<typeof globalThis.fetch>) => (
      calls++,
      (fetch as (...a: unknown[]) => Promise<Response>)(...args)
    );
    const { error, retries } = await attempt("http://example.test/x", undefined, { fetch: counted });
    expect(error).toBeInstanceOf(want ?? TypeError);
    expect(calls).toBe(1);
    expect(retries).toEqual([]);
  });
});

describe("real transport failures are network errors, retried", () => {
  it("connection refused (ECONNREFUSED)", async () => {
    const { error, retries } = await attempt(`http://127.0.0.1:${closedPort}/`);
    expect(error).toMatchObject({ kind: "network" });
    expect((error as ApiError).message).toContain("ECONNREFUSED");
    expect(retries).toHaveLength(2);
  });

  it("a socket closed before the response (other side closed)", async () => {
    const hits = server.hits("/reset");
    const { error, retries } = await attempt(server.url("/reset"));
    expect(error).toMatchObject({ kind: "network" });
    expect(retries).toHaveLength(2);
    expect(server.hits("/reset") - hits).toBe(3);
  });

  it.each([
    "ECONNRESET",
    "ENOTFOUND",
    "EAI_AGAIN",
    "ETIMEDOUT",
    "UND_ERR_SOCKET",
    "UND_ERR_CONNECT_TIMEOUT",
    "UND_ERR_HEADERS_TIMEOUT",
  ])("undici's fetch failed with cause.code %s", async (code) => {
    const failing = () =>
      Promise.reject(new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) }));
    const { error, retries } = await attempt("http://example.test/x", undefined, { fetch: failing });
    expect(error).toMatchObject({ kind: "network" });
    expect(retries).toHaveLength(2);
  });

  it.each(["Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed"])(
    "a browser's %j",
    async (message) => {
      const { error, retries } = await attempt("http://example.test/x", undefined, {
        fetch: () => Promise.reject(new TypeError(message)),
      });
      expect(error).toMatchObject({ kind: "network" });
      expect(retries).toHaveLength(2);
    },
  );

  it("fetch failed with a cause that is no transport failure (unknown scheme) is a TypeError", async () => {
    const failing = () => Promise.reject(new TypeError("fetch failed", { cause: new Error("unknown scheme") }));
    const { error, retries } = await attempt("http://example.test/x", undefined, { fetch: failing });
    expect(error).toBeInstanceOf(TypeError);
    expect(retries).toEqual([]);
  });
});
