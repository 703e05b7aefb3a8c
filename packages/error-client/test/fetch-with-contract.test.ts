import type { AddressInfo } from "node:net";
import { createServer } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, fetchWithContract, type FetchWithContractOptions, type RetryEvent } from "../src/index.js";
import { fakeTimeDriver } from "./helpers/fake-time.js";
import { type Handler, reply, startServer, type TestServer } from "./helpers/server.js";

const JSON_TYPE = { "content-type": "application/json" };
const envelope = (code: string | null, message = "m") => JSON.stringify({ error: { message, type: "t", code } });
const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

/** Fails `failures` times with `fail`, then answers 200 {"ok":true}. */
function failThenOk(failures: number, fail: Handler): Handler {
  let calls = 0;
  return (req, res) =>
    ++calls <= failures ? fail(req, res) : reply({ status: 200, headers: JSON_TYPE, body: '{"ok":true}' })(req, res);
}

const bodies: string[] = [];
let server: TestServer;
let closedPort: number;

beforeAll(async () => {
  server = await startServer({
    "/flaky": failThenOk(2, reply({ status: 503 })),
    "/always-503": reply({ status: 503 }),
    "/retry-after-seconds": failThenOk(1, reply({ status: 429, headers: { "retry-after": "2" } })),
    // Date.now() is faked here too (same process), so the date is exact.
    "/retry-after-date": failThenOk(1, (_q, s) =>
      reply({ status: 503, headers: { "retry-after": new Date(Date.now() + 3000).toUTCString() } })(_q, s),
    ),
    "/retry-after-past": failThenOk(
      1,
      reply({ status: 503, headers: { "retry-after": "Wed, 21 Oct 2015 07:28:00 GMT" } }),
    ),
    "/retry-after-garbage": failThenOk(1, reply({ status: 503, headers: { "retry-after": "tomorrow-ish" } })),
    "/retry-after-huge": failThenOk(1, reply({ status: 503, headers: { "retry-after": "999999" } })),
    "/retry-after-ms": failThenOk(1, reply({ status: 503, headers: { "retry-after-ms": "120", "retry-after": "1" } })),
    "/retry-after-30": reply({ status: 503, headers: { "retry-after": "30" } }),
    "/model-not-found": reply({ status: 404, headers: JSON_TYPE, body: envelope("model_not_found") }),
    "/price-error": reply({ status: 500, headers: JSON_TYPE, body: envelope("model_price_error") }),
    "/no-channel": reply({ status: 503, headers: JSON_TYPE, body: envelope("get_channel_failed") }),
    "/should-retry-false": reply({ status: 503, headers: { "x-should-retry": "false" } }),
    "/should-retry-true": reply({
      status: 400,
      headers: { ...JSON_TYPE, "x-should-retry": "true" },
      body: envelope("invalid_request"),
    }),
    "/ok-with-error": reply({ status: 200, headers: JSON_TYPE, body: envelope("get_channel_failed", "no channel") }),
    "/ok-with-unretryable-error": reply({ status: 200, headers: JSON_TYPE, body: envelope("insufficient_user_quota") }),
    "/ok": reply({ status: 200, headers: JSON_TYPE, body: '{"id":"chatcmpl-1","error":null}' }),
    "/ok-ndjson": reply({
      status: 200,
      headers: { "content-type": "application/x-ndjson" },
      body: envelope("get_channel_failed"),
    }),
    "/echo-flaky": failThenOk(1, (req, res) => {
      let text = "";
      req.on("data", (c: Buffer) => (text += c.toString()));
      req.on("end", () => {
        bodies.push(text);
        void reply({ status: 503 })(req, res);
      });
    }),
    "/hang": () => undefined, // never answers; closed with the server
  });
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(() => server.close());

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"], now: NOW });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Calls a path with jitter off, recording each retry's delay. */
async function call(path: string, init?: RequestInit, options: FetchWithContractOptions = {}) {
  const driver = fakeTimeDriver();
  const retry = options.retry === false ? false : { jitter: 0, ...options.retry };
  const result = await driver.settle(
    fetchWithContract(server.url(path), init, { ...options, retry, onRetry: driver.onRetry }),
  );
  return { ...result, delays: driver.events.map((r) => r.delayMs), hits: server.hits(path), retries: driver.events };
}

/** Awaits a call that must settle without any fake time passing (a wait would hang it). */
async function withoutTime<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown; waitedMs: number }> {
  const start = Date.now();
  const out = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  return { ...out, waitedMs: Date.now() - start };
}

describe("retries what the contract allows, waiting as asked", () => {
  it.each([
    { path: "/flaky", ok: true, hits: 3, delays: [500, 1000] },
    { path: "/always-503", ok: false, hits: 3, delays: [500, 1000] },
    { path: "/retry-after-seconds", ok: true, hits: 2, delays: [2000] },
    { path: "/retry-after-date", ok: true, hits: 2, delays: [3000] },
    { path: "/retry-after-past", ok: true, hits: 2, delays: [0] },
    { path: "/retry-after-garbage", ok: true, hits: 2, delays: [500] },
    { path: "/retry-after-huge", ok: true, hits: 2, delays: [60_000] },
    { path: "/retry-after-ms", ok: true, hits: 2, delays: [120] },
    { path: "/model-not-found", ok: false, hits: 1, delays: [] },
    { path: "/price-error", ok: false, hits: 1, delays: [] },
    { path: "/no-channel", ok: false, hits: 3, delays: [500, 1000] },
    { path: "/should-retry-false", ok: false, hits: 1, delays: [] },
    { path: "/should-retry-true", ok: false, hits: 3, delays: [500, 1000] },
  ])("$path: $hits requests, waits $delays", async ({ path, ok, hits, delays }) => {
    const before = server.hits(path);
    const result = await call(path);
    expect(result.hits - before).toBe(hits);
    expect(result.delays).toEqual(delays);
    // The fake clock moved by exactly the delays: the waits really happened, and only they.
    expect(result.waitedMs).toBe(delays.reduce((a, b) => a + b, 0));
    if (ok) expect(await result.value?.json()).toEqual({ ok: true });
    else expect(result.error).toBeInstanceOf(ApiError);
  });

  it("throws the last error, with what the server said", async () => {
    const { error, retries } = await call("/no-channel");
    expect(error).toMatchObject({ status: 503, code: "get_channel_failed", isContract: true });
    expect(retries.map((r) => r.attempt)).toEqual([1, 2]);
    expect(retries[0]?.error.code).toBe("get_channel_failed");
  });

  it("honours maxRetries and retry: false", async () => {
    expect((await call("/always-503", undefined, { retry: { maxRetries: 4 } })).delays).toEqual([
      500, 1000, 2000, 4000,
    ]);
    const before = server.hits("/always-503");
    expect((await call("/always-503", undefined, { retry: false })).hits - before).toBe(1);
  });

  it("stops when the next wait would overrun the time budget", async () => {
    const before = server.hits("/retry-after-30");
    const result = await call("/retry-after-30", undefined, { retry: { timeBudgetMs: 10_000 } });
    expect(result.hits - before).toBe(1);
    expect(result.error).toMatchObject({ status: 503, retryAfterMs: 30_000 });
    expect(result.waitedMs).toBe(0);
  });

  it("retries network errors (status null) and then throws one", async () => {
    const driver = fakeTimeDriver();
    const result = await driver.settle(
      fetchWithContract(`http://127.0.0.1:${closedPort}/x`, undefined, {
        retry: { jitter: 0 },
        onRetry: driver.onRetry,
      }),
    );
    expect(result.error).toMatchObject({
      kind: "network",
      status: null,
      code: null,
      url: `http://127.0.0.1:${closedPort}/x`,
    });
    expect((result.error as ApiError).message).toContain("ECONNREFUSED");
    expect(driver.events.map((r) => r.delayMs)).toEqual([500, 1000]);
    expect(result.waitedMs).toBe(1500);
  });
});

describe("error envelopes inside 2xx responses", () => {
  it("raises (and retries) a 200 whose JSON body is an error envelope", async () => {
    const result = await call("/ok-with-error");
    expect(result.error).toMatchObject({ status: 200, code: "get_channel_failed", detail: "no channel" });
    expect(result.delays).toEqual([500, 1000]);
    const once = await call("/ok-with-unretryable-error");
    expect(once.error).toMatchObject({ status: 200, code: "insufficient_user_quota" });
    expect(once.delays).toEqual([]);
  });

  it("hands back a success untouched, body still readable", async () => {
    const { value } = await call("/ok");
    expect(value?.status).toBe(200);
    expect(await value?.json()).toEqual({ id: "chatcmpl-1", error: null });
  });

  it("leaves streaming types alone, and can be turned off", async () => {
    const ndjson = await call("/ok-ndjson");
    expect(await ndjson.value?.text()).toBe(envelope("get_channel_failed"));
    const off = await call("/ok-with-error", undefined, { detectErrorsInSuccess: false });
    expect(off.value?.status).toBe(200);
  });
});

describe("request bodies", () => {
  it("replays a string body on retry", async () => {
    bodies.length = 0;
    const result = await call("/echo-flaky", { method: "POST", body: "hello" });
    expect(result.value?.status).toBe(200);
    expect(bodies).toEqual(["hello"]);
    expect(result.delays).toEqual([500]);
  });

  it("does not retry a stream body (it cannot be replayed)", async () => {
    const before = server.hits("/always-503");
    const body = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("once")), c.close()) });
    const result = await call("/always-503", { method: "POST", body, duplex: "half" } as RequestInit);
    expect(result.error).toMatchObject({ status: 503 });
    expect(result.hits - before).toBe(1);
  });

  it("does not retry a Request that carries its own body", async () => {
    const before = server.hits("/always-503");
    const result = await withoutTime(
      fetchWithContract(new Request(server.url("/always-503"), { method: "POST", body: "x" })),
    );
    expect(result.error).toMatchObject({ status: 503 });
    expect(server.hits("/always-503") - before).toBe(1);
  });
});

describe("the caller's AbortSignal", () => {
  it("cancels a pending backoff at once, without waiting it out", async () => {
    const controller = new AbortController();
    const before = server.hits("/retry-after-30");
    let announced = 0;
    const onRetry = (e: RetryEvent): void => {
      announced = e.delayMs;
      queueMicrotask(() => controller.abort());
    };
    // No fake time is advanced: if the abort did not end the 30 s wait, this would never settle.
    const result = await withoutTime(
      fetchWithContract(server.url("/retry-after-30"), { signal: controller.signal }, { onRetry }),
    );
    expect(announced).toBe(30_000);
    expect(result.error).toMatchObject({
      kind: "aborted",
      status: null,
      detail: "the caller's signal aborted the request",
    });
    expect(result.waitedMs).toBe(0);
    // The wait's timer was cleared: letting its time pass sends nothing more.
    await vi.advanceTimersByTimeAsync(30_000);
    expect(server.hits("/retry-after-30") - before).toBe(1);
  });

  it("is not retried when it fires during the request", async () => {
    const controller = new AbortController();
    const pending = withoutTime(fetchWithContract(server.url("/hang"), { signal: controller.signal }));
    while (server.hits("/hang") === 0) await new Promise((r) => setImmediate(r));
    controller.abort();
    const result = await pending;
    expect(result.error).toMatchObject({ kind: "aborted", status: null });
    expect(server.hits("/hang")).toBe(1);
  });

  it("sends nothing when already aborted", async () => {
    const before = server.hits("/flaky");
    const result = await withoutTime(fetchWithContract(server.url("/flaky"), { signal: AbortSignal.abort() }));
    expect(result.error).toMatchObject({ kind: "aborted" });
    expect(server.hits("/flaky")).toBe(before);
  });
});
