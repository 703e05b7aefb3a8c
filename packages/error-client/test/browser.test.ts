import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isSafeDocUrl, isSafeText } from "./faults/invariants.js";
import { SEED, RUNS } from "./faults/options.js";
import { headerSafe, hostileEnvelope } from "./faults/hostile.js";
import { type FaultServer, startFaultServer } from "./faults/raw-server.js";
import { serverFaults, whole } from "./faults/server-faults.js";

// Issue 22: the fault injector's invariants in a browser (Debian's chromium, driven by
// playwright-core as tools/reference-page-e2e does), for the faults a browser can see, so the
// `kind` mapping is checked outside Node: the built browser bundle is served from the fault
// server's own origin (no CORS), and each call runs in the page.
const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const pkg = fileURLToPath(new URL("..", import.meta.url));

async function browserBundle(): Promise<string> {
  const require = createRequire(import.meta.url);
  const path = require.resolve("esbuild", { paths: [pkg, `${pkg}../../tools/bench`] });
  // esbuild comes with tsup (the package's build); resolved the way scripts/bundle-sizes.mjs does.
  type Build = (options: Record<string, unknown>) => Promise<{ outputFiles: { text: string }[] }>;
  const { build } = (await import(path)) as { build: Build };
  const result = await build({
    entryPoints: [`${pkg}dist/index.js`],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** What a call came to in the page (plain data, checked here in Node). */
interface PageOutcome {
  ok: boolean;
  apiError: boolean;
  name: string;
  kind: string | null;
  status: number | null;
  code: string | null;
  texts: (string | null)[];
  docUrl: string | null;
  retryable: boolean;
  ms: number;
  listeners: number;
}

// Undefined when beforeAll failed before starting them (afterAll still runs).
let server: FaultServer | undefined;
let browser: Browser | undefined;
let page: Page;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const faults = await startFaultServer();
  server = faults;
  const bundle = await browserBundle();
  const js = { "content-type": "text/javascript; charset=utf-8" };
  const bundleUrl = faults.route(() => whole(200, js, bundle));
  const html = `<!doctype html><script type="module">import * as c from "${new URL(bundleUrl).pathname}"; window.client = c;</script>`;
  const pageUrl = faults.route(() => whole(200, { "content-type": "text/html" }, html));
  const chromiumBrowser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  browser = chromiumBrowser;
  page = await chromiumBrowser.newPage();
  await page.goto(pageUrl);
  await page.waitForFunction(() => "client" in window);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const route = (script: Parameters<FaultServer["route"]>[0]): string => (server as FaultServer).route(script);

/** Runs one fetchWithContract call in the page, counting the listeners on the caller's signal. */
function callInPage(
  url: string,
  budgetMs: number | null,
  abortAt: number | null,
  maxRetries: number,
): Promise<PageOutcome> {
  return page.evaluate(
    async ({ url, budgetMs, abortAt, maxRetries }) => {
      type Client = typeof import("../src/index.js");
      const { fetchWithContract, isApiError, isRetryable } = (window as unknown as { client: Client }).client;
      const caller = new AbortController();
      let listeners = 0;
      const signal = caller.signal;
      const add = signal.addEventListener.bind(signal);
      const remove = signal.removeEventListener.bind(signal);
      signal.addEventListener = (type: string, l: EventListenerOrEventListenerObject, o?: AddEventListenerOptions) =>
        void (type === "abort" && listeners++, add(type, l, o));
      signal.removeEventListener = (type: string, l: EventListenerOrEventListenerObject, o?: EventListenerOptions) =>
        void (type === "abort" && listeners--, remove(type, l, o));
      if (abortAt !== null) setTimeout(() => caller.abort(), abortAt);
      const started = performance.now();
      const retry = { maxRetries, baseDelayMs: 5, timeBudgetMs: budgetMs ?? Infinity };
      try {
        const response = await fetchWithContract(url, { signal }, { retry, errorBodyTimeoutMs: 300 });
        await response.body?.cancel();
        const ms = performance.now() - started;
        const base = { ok: true, apiError: false, name: "", kind: null, code: null, texts: [], docUrl: null };
        return { ...base, status: response.status, retryable: false, ms, listeners };
      } catch (e) {
        const ms = performance.now() - started;
        if (!isApiError(e)) {
          const name = e instanceof Error ? e.name : typeof e;
          const base = { ok: false, apiError: false, kind: null, status: null, code: null, texts: [], docUrl: null };
          return { ...base, name, retryable: false, ms, listeners };
        }
        const texts = [e.message, e.detail, e.type, e.param, e.requestId, e.url];
        const base = { ok: false, apiError: true, name: e.name, kind: e.kind, status: e.status, code: e.code };
        return { ...base, texts, docUrl: e.docUrl, retryable: isRetryable(e), ms, listeners };
      }
    },
    { url, budgetMs, abortAt, maxRetries },
  );
}

/** The invariants: a Response or an ApiError, safe strings, no listener left, within the bound. */
function expectInvariants(o: PageOutcome, bound: number): void {
  expect(o.ok || o.apiError, `not an ApiError: ${o.name}`).toBe(true);
  expect(o.listeners, "listeners left on the caller's signal").toBe(0);
  expect(o.ms).toBeLessThanOrEqual(bound);
  for (const text of o.texts) if (text !== null) expect(isSafeText(text, 2_048), JSON.stringify(text)).toBe(true);
  if (o.docUrl !== null) expect(isSafeDocUrl(o.docUrl)).toBe(true);
}

// What Chromium makes of each fault it can see (no TLS here: the page cannot trust a throwaway
// certificate). A failed exchange is "Failed to fetch" there, so kind "network"; Chromium's
// parser is lenient where Node's is strict: "HTTP/1.1 garbage" is read as a 200 and a control
// character in a header value is kept, so those answers are what the server sent.
const IN_BROWSER: Record<string, string> = {
  "ok json": "response",
  "envelope in a 200": "http",
  "html 502": "http",
  "garbage status": "response",
  "garbage line": "network",
  "bad header char": "http",
  "reset before head": "network",
  "close before head": "network",
  "reset mid head": "network",
  "truncated length body": "http",
  "truncated chunked body": "http",
  "reset mid body": "http",
  "trickled error body": "http",
  "trickled small 2xx json": "response",
  "never-ending 2xx": "response",
  "never-ending error body": "http",
  "no answer": "timeout",
  "empty 503": "http",
};

describe("fetchWithContract in chromium: the kinds and the invariants", () => {
  const faults = serverFaults(15).filter((f) => f.name in IN_BROWSER);

  it.each(faults.flatMap((f) => [null, 400].map((budgetMs) => ({ f, budgetMs }))))(
    "$f.name (budget $budgetMs)",
    async ({ f, budgetMs }) => {
      const abortAt = budgetMs === null && f.hangs ? 300 : null;
      const o = await callInPage(route(f.script), budgetMs, abortAt, 1);
      expectInvariants(o, Math.min(budgetMs ?? Infinity, abortAt ?? Infinity) + 2_000);
      const want = IN_BROWSER[f.name];
      const got = o.ok ? "response" : (o.kind ?? "");
      const stopped = (budgetMs !== null && got === "timeout") || (abortAt !== null && got === "aborted");
      if (!stopped) expect(got).toBe(want);
      if (got === "network") expect(o.retryable).toBe(true);
    },
    20_000,
  );

  it("hostile error bodies: safe strings, docUrl only absolute http(s), kind http (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileEnvelope.filter((e) => e.status !== 200),
        async (e) => {
          const error = { message: e.message, type: e.type, code: e.code, param: e.param, doc_url: e.docUrl };
          const headers: Record<string, string> = { "content-type": "application/json" };
          if (e.requestId !== undefined) headers["x-request-id"] = headerSafe(e.requestId);
          const o = await callInPage(
            route(() => whole(e.status, headers, JSON.stringify({ error }))),
            2_000,
            null,
            0,
          );
          expectInvariants(o, 4_000);
          expect(o.kind).toBe("http");
          expect(o.status).toBe(e.status);
        },
      ),
      { seed: SEED, numRuns: RUNS(25), endOnFailure: true },
    );
  }, 120_000);
});
