import type { Outcome } from "./server-faults.js";

/** A fetch a caller may pass: what it does, and what the call must come to. */
export interface FetchFault {
  name: string;
  fetch: (input: unknown, init?: RequestInit) => Promise<Response>;
  expect: Outcome | "TypeError";
  /** Never settles on its own: the case needs a budget or an abort. */
  hangs?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const enc = new TextEncoder();
const envelope = '{"error":{"message":"no price","type":"invalid_request_error","code":"model_price_error"}}';
const jsonHeaders = (length: number): HeadersInit => ({
  "content-type": "application/json",
  "content-length": String(length),
});

/** A body that sends `first` and then fails (a proxy that drops the stream). */
const breaking = (first: string): ReadableStream<Uint8Array> =>
  new ReadableStream({
    // The first read gets `first`; the next one fails (error() would drop what is queued).
    pull(c) {
      if (!sent.has(c)) {
        sent.add(c);
        c.enqueue(enc.encode(first));
      } else c.error(new Error("stream broke"));
    },
  });
const sent = new WeakSet<object>();

/** A body that sends `first` and never ends (until cancelled). */
const endless = (first: string): ReadableStream<Uint8Array> =>
  new ReadableStream({ start: (c) => c.enqueue(enc.encode(first)) });

/** An object with the shape of a Response, not one: no clone, no text(), no url. */
const duck = (status: number, headers: HeadersInit, body: string) => ({
  status,
  headers: new Headers(headers),
  bodyUsed: false,
  body: new ReadableStream({ start: (c) => (c.enqueue(enc.encode(body)), c.close()) }),
});

/** Fetches that misbehave the ways wrappers, mocks and runtimes do; `delayMs` times the slow ones. */
export function fetchFaults(delayMs: number): FetchFault[] {
  return [
    {
      name: "ignores the signal, then 200",
      fetch: async () => (await sleep(delayMs), new Response("{}", { headers: jsonHeaders(2) })),
      expect: "response",
    },
    {
      name: "ignores the signal, then 503",
      fetch: async () => (await sleep(delayMs), new Response("busy", { status: 503 })),
      expect: "http",
    },
    { name: "never settles", fetch: () => new Promise<Response>(() => undefined), expect: "timeout", hangs: true },
    { name: "Response.error()", fetch: () => Promise.resolve(Response.error()), expect: "network" },
    {
      name: "duck-typed 500",
      fetch: () => Promise.resolve(duck(500, jsonHeaders(envelope.length), envelope) as unknown as Response),
      expect: "http",
    },
    {
      name: "duck-typed 200",
      fetch: () => Promise.resolve(duck(200, jsonHeaders(2), "{}") as unknown as Response),
      expect: "response",
    },
    {
      name: "locked 500",
      fetch: () => {
        const r = new Response(envelope, { status: 500, headers: { "x-error-code": "model_price_error" } });
        r.body?.getReader();
        return Promise.resolve(r);
      },
      expect: "http",
    },
    {
      name: "locked 200",
      fetch: () => {
        const r = new Response("{}", { headers: jsonHeaders(2) });
        r.body?.getReader();
        return Promise.resolve(r);
      },
      expect: "response",
    },
    {
      name: "error body that breaks",
      fetch: () =>
        Promise.resolve(
          new Response(breaking('{"error":{"message":"no pr'), {
            status: 402,
            headers: {
              "content-type": "application/json",
              "x-error-code": "model_price_error",
              "x-should-retry": "false",
            },
          }),
        ),
      expect: "http",
    },
    {
      name: "endless error body",
      fetch: () => Promise.resolve(new Response(endless("busy"), { status: 503 })),
      expect: "http",
    },
    { name: "throws a string", fetch: () => Promise.reject("boom" as unknown as Error), expect: "request" },
    { name: "throws null", fetch: () => Promise.reject(null as unknown as Error), expect: "request" },
    { name: "throws an object", fetch: () => Promise.reject({ code: 7 } as unknown as Error), expect: "request" },
    { name: "throws an Error", fetch: () => Promise.reject(new Error("boom")), expect: "request" },
    {
      name: "throws a reset",
      fetch: () =>
        Promise.reject(
          new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }),
        ),
      expect: "network",
    },
    {
      name: "throws a plain TypeError (a bug)",
      fetch: () => Promise.reject(new TypeError("x is not a function")),
      expect: "TypeError",
    },
    {
      name: "honours the signal late",
      fetch: (_input, init) =>
        new Promise<Response>((resolve, reject) => {
          const signal = init?.signal;
          signal?.addEventListener("abort", () => setTimeout(() => reject(signal.reason as Error), delayMs), {
            once: true,
          });
          if (!signal) resolve(new Response(null, { status: 204 }));
        }),
      expect: "timeout",
      hangs: true,
    },
  ];
}
