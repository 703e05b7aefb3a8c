import { getEventListeners } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { fetchWithContract, isRetryable, type RetryEvent } from "../src/index.js";
import { rejection } from "./faults/invariants.js";
import { head, serverFaults, whole } from "./faults/server-faults.js";
import { useFaultServers } from "./faults/servers.js";

// Issue 22, defects 1-4: named cases of what the fault injector generates.
const servers = useFaultServers();

const fault = (name: string) => serverFaults(15).find((f) => f.name === name) ?? expect.unreachable(name);
const failure = rejection;

describe("defect 1: every failure of the exchange is an ApiError with a kind", () => {
  it.each([
    ["garbage status", "protocol"],
    ["garbage line", "protocol"],
    ["bad header char", "protocol"],
    ["headers over 64 KB", "protocol"],
    ["TE and CL", "protocol"],
    ["reset before head", "network"],
  ])("%s: kind %s, retried only when the kind is network", async (name, kind) => {
    const url = servers.plain.route(fault(name).script);
    const e = await failure(fetchWithContract(url, {}, { retry: { maxRetries: 2, baseDelayMs: 1 } }));
    expect(e.kind).toBe(kind);
    expect(e.url).toBe(url);
    expect(servers.plain.hits(url)).toBe(kind === "network" ? 3 : 1);
  });

  it("a self-signed certificate and https to a plain port: kind tls, never retried", async () => {
    if (!servers.tls) return expect.fail("openssl is needed for the TLS case");
    const secure = servers.secure;
    const bad = await failure(
      fetchWithContract(
        secure.route(() => whole(200, {}, "{}")),
        {},
        { retry: { baseDelayMs: 1 } },
      ),
    );
    expect(bad.kind).toBe("tls");
    expect(bad.detail).toMatch(/self-signed certificate/);
    expect(isRetryable(bad)).toBe(false);
    const url = servers.plain.route(() => whole(200, {}, "{}")).replace("http:", "https:");
    const wrong = await failure(fetchWithContract(url, {}, { retry: { baseDelayMs: 1 } }));
    expect(wrong.kind).toBe("tls");
  });

  it("a 307 on a streamed POST: kind request, not retried", async () => {
    const url = servers.plain.route(() => [{ write: head(307, { location: "/x", "content-length": "0" }) }, "end"]);
    const body = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode("{}")), c.close()) });
    const init = { method: "POST", body, duplex: "half" } as RequestInit;
    const e = await failure(fetchWithContract(url, init));
    expect(e.kind).toBe("request");
    expect(servers.plain.hits(url)).toBe(1);
  });
});

describe("defect 2: no listener per call on the caller's signal", () => {
  it("200 budgeted calls on one shared signal leave no listener on it", async () => {
    const shutdown = new AbortController();
    const url = servers.plain.route(() => whole(200, { "content-type": "application/json" }, "{}"));
    for (let i = 0; i < 200; i++) {
      const response = await fetchWithContract(url, { signal: shutdown.signal }, { retry: { timeBudgetMs: 20_000 } });
      await response.body?.cancel();
    }
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });

  it("the caller's signal still aborts the body of the response handed back", async () => {
    const caller = new AbortController();
    const url = servers.plain.route(fault("never-ending 2xx").script);
    const response = await fetchWithContract(url, { signal: caller.signal }, { retry: { timeBudgetMs: 20_000 } });
    const reading = response.text();
    caller.abort(new Error("stop"));
    await expect(reading).rejects.toThrow();
  });
});

describe("defect 3: a budget never turns a slow success into a failure", () => {
  it("a small 2xx JSON body that trickles (budget 20 s, errorBodyTimeoutMs 50) is handed back, whole", async () => {
    const url = servers.plain.route(fault("trickled small 2xx json").script);
    const response = await fetchWithContract(url, {}, { retry: { timeBudgetMs: 20_000 }, errorBodyTimeoutMs: 50 });
    expect(await response.json()).toEqual({ id: "x", object: "thing", pad: "....." });
  });

  it("an error envelope found in a 2xx cancels the connection (no socket left open)", async () => {
    const url = servers.plain.route(() => [
      { write: head(200, { "content-type": "application/json", "content-length": "200" }) },
      { write: '{"error":{"message":"x","type":"upstream_error","code":"get_channel_failed"}}'.padEnd(200, " ") },
      "hang",
    ]);
    const e = await failure(fetchWithContract(url, {}, { retry: false }));
    expect(e.code).toBe("get_channel_failed");
    expect(await servers.plain.drained(3_000)).toBe(0);
  });
});

describe("defect 4: the budget bounds the call whatever the fetch does", () => {
  it("a fetch that drops init.signal: timeBudgetMs 300 ends the call (not undici's 300 s)", async () => {
    const url = servers.plain.route(() => ["hang"]);
    const dropping = (input: string | URL | Request) => fetch(input); // the common wrapper bug
    const started = performance.now();
    const e = await failure(fetchWithContract(url, {}, { fetch: dropping, retry: { timeBudgetMs: 300 } }));
    expect(e.kind).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(300 + 2_000);
  });

  it("a wall-clock step of an hour neither times out a call nor stretches a wait", async () => {
    let step = 0;
    const realNow = Date.now.bind(Date);
    const spy = vi.spyOn(Date, "now").mockImplementation(() => realNow() + (step += 3_600_000));
    try {
      let calls = 0;
      const url = servers.plain.route(() => (calls++ === 0 ? whole(503, {}, "busy") : whole(200, {}, "ok")));
      const retries: RetryEvent[] = [];
      const response = await fetchWithContract(
        url,
        {},
        {
          retry: { timeBudgetMs: 5_000, baseDelayMs: 10, jitter: 0 },
          onRetry: (e) => retries.push(e),
        },
      );
      expect(await response.text()).toBe("ok");
      expect(retries.map((r) => r.delayMs)).toEqual([10]);
    } finally {
      spy.mockRestore();
    }
  });

  it("a wait between retries ends at once when the caller aborts (the timer is cleared)", async () => {
    const url = servers.plain.route(() => whole(503, { "retry-after-ms": "5000" }, "busy"));
    const caller = new AbortController();
    const started = performance.now();
    const call = fetchWithContract(
      url,
      { signal: caller.signal },
      { retry: { timeBudgetMs: 10_000 }, onRetry: () => setTimeout(() => caller.abort(), 50) },
    );
    const e = await failure(call);
    expect(e.kind).toBe("aborted");
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});
