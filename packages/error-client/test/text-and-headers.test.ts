import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ApiError,
  MAX_DETAIL_LENGTH,
  MAX_TIMER_DELAY_MS,
  fetchWithContract,
  parseErrorBody,
  parseErrorResponse,
  retryDelayMs,
} from "../src/index.js";
import { cut } from "../src/text.js";
import { reply, startServer, type TestServer } from "./helpers/server.js";

// Defects 6, 7, 9, 10 and 11 of issue 12.

const JSON_TYPE = { "content-type": "application/json" };
/** Single line, no C0/C1 controls, no ANSI, no line separators or bidi overrides, no lone surrogate. */
const BAD_TEXT =
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

let server: TestServer;
beforeAll(async () => {
  server = await startServer({
    "/forged": reply({
      status: 400,
      headers: JSON_TYPE,
      body: JSON.stringify({
        error: {
          message: "bad\r\nFAKE LOG LINE \u001b[31mred\u001b[0m",
          type: "x",
          code: "a\nb",
          request_id: "req\r\n1\u001b[2J",
        },
      }),
    }),
    "/entity": reply({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html><title>&#xD800; Bad &#xDFFF;&#55296; Gateway&#x1b;[31m</title></html>",
    }),
    "/oneapi": reply({
      status: 500,
      headers: { ...JSON_TYPE, "x-oneapi-request-id": "20261130045012345678" },
      body: JSON.stringify({ error: { message: "upstream said no", type: "upstream_error" } }),
    }),
    "/both-ids": reply({ status: 500, headers: { "x-request-id": "req_x", "x-oneapi-request-id": "one" } }),
    "/529": reply({
      status: 529,
      headers: JSON_TYPE,
      body: JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }),
    }),
    "/501": reply({ status: 501 }),
    "/505": reply({ status: 505 }),
    "/522": reply({
      status: 522,
      headers: { "content-type": "text/html" },
      body: "<title>Connection timed out</title>",
    }),
    "/after-10": reply({ status: 503, headers: { "retry-after": "after 10" } }),
    "/huge-retry-after": reply({ status: 429, headers: { "retry-after": "2500000" } }),
  });
});
afterAll(() => server.close());

describe("messages and request ids are single-line, control-free, well-formed text", () => {
  it("CR/LF and ANSI escapes from JSON never reach message, detail or requestId", async () => {
    const error = await parseErrorResponse(await fetch(server.url("/forged")));
    expect(error.message).not.toMatch(BAD_TEXT);
    expect(error.detail).toBe("bad FAKE LOG LINE red");
    expect(error.requestId).toBe("req 1");
    expect(error.message).toContain("HTTP 400 a b from");
  });

  it("an HTML entity for a surrogate or a control never makes broken text", async () => {
    const error = await parseErrorResponse(await fetch(server.url("/entity")));
    expect(error.detail).not.toMatch(BAD_TEXT);
    expect(error.detail).toContain("Bad");
  });

  it.each([MAX_DETAIL_LENGTH - 3, MAX_DETAIL_LENGTH - 2, MAX_DETAIL_LENGTH - 1, MAX_DETAIL_LENGTH])(
    "the cut never splits a surrogate pair (pair at %i)",
    (at) => {
      const message = `${"a".repeat(at)}${"😀".repeat(600)}`;
      const error = parseErrorBody({ status: 500, body: { error: { message } } });
      expect(error.detail).not.toMatch(BAD_TEXT);
      // Code points, as JSON Schema's maxLength counts (issue 23, item 6).
      expect([...error.detail].length).toBeLessThanOrEqual(MAX_DETAIL_LENGTH);
      expect([...error.detail].length).toBeGreaterThan(MAX_DETAIL_LENGTH - 2);
      expect(error.detail.endsWith("…")).toBe(true);
    },
  );

  it("the cut counts code points, as JSON Schema's maxLength does (issue 23, item 6): 1,200 emoji keep 999 and the ellipsis", () => {
    const error = parseErrorBody({ status: 500, body: { error: { message: "😀".repeat(1_200) } } });
    expect([...error.detail]).toHaveLength(MAX_DETAIL_LENGTH);
    expect(error.detail).toBe(`${"😀".repeat(MAX_DETAIL_LENGTH - 1)}…`);
    const exact = "😀".repeat(MAX_DETAIL_LENGTH);
    expect(parseErrorBody({ status: 500, body: { error: { message: exact } } }).detail).toBe(exact);
  });

  it("the cut agrees with cutting by Array.from code points, for any text and cap (property)", () => {
    // The reference: split into code points, keep max - 1 and an ellipsis when over the cap.
    const reference = (text: string, max: number): string => {
      const points = Array.from(text);
      return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join("")}…`;
    };
    const units = fc.oneof(
      fc.constantFrom("a", "\ud83d\ude00", "\ud800", "\udc00", "é", " "),
      fc.string({ unit: "grapheme", maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.array(units, { maxLength: 40 }), fc.integer({ min: 0, max: 45 }), (parts, max) => {
        const text = parts.join("");
        expect(cut(text, max)).toBe(reference(text, max));
      }),
      { seed: 2312, numRuns: 2000 },
    );
  });

  it("any message, request id or code from a body gives clean text (property)", () => {
    const nasty = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          "\r",
          "\n",
          "\u001b[",
          "\u0085",
          "\u2028",
          "\u202e",
          "\ud800",
          "\udc00",
          "😀",
          "\u0000",
          " ",
          "\t",
        ),
        fc.integer({ min: 0, max: 0x10ffff }).map((n) => String.fromCodePoint(n)),
        fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
      ),
      maxLength: 1200,
    });
    fc.assert(
      fc.property(nasty, nasty, nasty, (message, id, code) => {
        const error = parseErrorBody({ status: 500, body: { error: { message, code, request_id: id } } });
        for (const text of [error.message, error.detail, error.requestId ?? ""]) expect(text).not.toMatch(BAD_TEXT);
      }),
      { numRuns: 300 },
    );
  });

  it("an ApiError built by hand is cleaned too", () => {
    const error = new ApiError({ detail: "x\ny", requestId: "a\rb", url: "http://h/p\n" });
    expect(error.message).not.toMatch(BAD_TEXT);
  });
});

describe("request ids of real gateways, and the contract's status rule", () => {
  it("X-Oneapi-Request-Id (new-api / one-api) is the request id of a relayed error without one", async () => {
    const error = await parseErrorResponse(await fetch(server.url("/oneapi")));
    expect(error.requestId).toBe("20261130045012345678");
    expect(error.message).toContain("(request id: 20261130045012345678)");
  });

  it("x-request-id still comes first", async () => {
    expect((await parseErrorResponse(await fetch(server.url("/both-ids")))).requestId).toBe("req_x");
  });

  it.each([
    { path: "/529", hits: 3 },
    { path: "/522", hits: 3 },
    { path: "/501", hits: 1 },
    { path: "/505", hits: 1 },
  ])("$path without a catalog code: $hits request(s)", async ({ path, hits }) => {
    const before = server.hits(path);
    const error = await fetchWithContract(server.url(path), {}, { retry: { baseDelayMs: 1, jitter: 0 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(server.hits(path) - before).toBe(hits);
  });
});

describe("Retry-After: delay-seconds and RFC 9110 HTTP-dates only", () => {
  const NOW = Date.parse("2026-11-30T05:00:00Z");
  const delay = (value: string) =>
    parseErrorBody({ status: 503, headers: { "retry-after": value }, body: "" }).retryAfterMs;
  it.each([
    { value: "120", want: 120_000 },
    { value: " 7 ", want: 7_000 },
    { value: "Mon, 30 Nov 2026 05:00:30 GMT", want: 30_000, dated: true },
    { value: "Monday, 30-Nov-26 05:00:30 GMT", want: 30_000, dated: true },
    { value: "Mon Nov 30 05:00:30 2026", want: 30_000, dated: true },
    { value: "Sun Nov  6 08:49:37 1994", want: 0, dated: true },
    { value: "Sunday, 06-Nov-94 08:49:37 GMT", want: 0, dated: true },
    { value: "after 10", want: null },
    { value: "10s", want: null },
    { value: "1.5", want: null },
    { value: "-1", want: null },
    { value: "2026-12-01T00:00:00Z", want: null },
    { value: "Mon, 30 Nov 2026 05:00:30 +0000", want: null },
    { value: "Mon, 31 Nov 2026 05:00:30 GMT", want: null },
    { value: "Mon, 30 Nov 2026 25:00:30 GMT", want: null },
    { value: "Mon, 30 Foo 2026 05:00:30 GMT", want: null },
    { value: "in 2001", want: null },
    { value: "soon", want: null },
  ])("$value -> $want", ({ value, want, dated }) => {
    const realNow = Date.now;
    Date.now = () => NOW;
    try {
      const got = delay(value);
      if (dated && want !== 0) expect(got).toBe(want);
      else expect(got).toBe(want);
    } finally {
      Date.now = realNow;
    }
  });

  it("'after 10' over HTTP falls back to backoff (not an instant retry)", async () => {
    const delays: number[] = [];
    await fetchWithContract(
      server.url("/after-10"),
      {},
      { retry: { maxRetries: 1, baseDelayMs: 25, jitter: 0 }, onRetry: (e) => delays.push(e.delayMs) },
    ).catch(() => undefined);
    expect(delays).toEqual([25]);
  });
});

describe("every delay is clamped to what a timer holds", () => {
  it.each([
    {
      name: "Retry-After beyond 2^31-1 ms with maxRetryAfterMs: Infinity",
      headers: { "retry-after": "2500000" },
      policy: { maxRetryAfterMs: Infinity },
    },
    {
      name: "retry-after-ms of 1e15",
      headers: { "retry-after-ms": "1000000000000000" },
      policy: { maxRetryAfterMs: 2 ** 40 },
    },
    { name: "backoff beyond 2^31-1 ms", headers: {}, policy: { baseDelayMs: 2 ** 35, maxDelayMs: 2 ** 40, jitter: 0 } },
  ])("$name", ({ headers, policy }) => {
    const error = parseErrorBody({ status: 503, headers, body: "" });
    expect(retryDelayMs(error, 0, policy)).toBe(MAX_TIMER_DELAY_MS);
  });

  it("over HTTP: Retry-After 2500000 with no cap really waits (no instant retry), until the caller aborts", async () => {
    const before = server.hits("/huge-retry-after");
    const controller = new AbortController();
    const delays: number[] = [];
    const call = fetchWithContract(
      server.url("/huge-retry-after"),
      { signal: controller.signal },
      { retry: { maxRetryAfterMs: Infinity }, onRetry: (e) => delays.push(e.delayMs) },
    );
    await expect.poll(() => delays.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.hits("/huge-retry-after") - before).toBe(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: "aborted" });
    expect(delays).toEqual([MAX_TIMER_DELAY_MS]);
  });
});

describe("parseErrorResponse takes Responses, from any realm, and nothing else", () => {
  it.each([undefined, null, {}, "text", 503, [], { status: 500 }, { status: 500, headers: {} }])(
    "%j: TypeError",
    async (value) => {
      await expect(parseErrorResponse(value as unknown as Response)).rejects.toThrow(TypeError);
    },
  );

  it("a Response from another implementation (same shape, not globalThis.Response) is parsed", async () => {
    const real = await fetch(server.url("/oneapi"));
    // What @hono/node-server's or a polyfill's Response looks like to us: another class.
    class OtherResponse {
      constructor(private readonly r: Response) {}
      get status() {
        return this.r.status;
      }
      get headers() {
        return this.r.headers;
      }
      get body() {
        return this.r.body;
      }
      get bodyUsed() {
        return this.r.bodyUsed;
      }
      get url() {
        return this.r.url;
      }
    }
    const foreign = new OtherResponse(real) as unknown as Response;
    expect(foreign instanceof Response).toBe(false);
    const error = await parseErrorResponse(foreign);
    expect(error).toMatchObject({ status: 500, detail: "upstream said no", requestId: "20261130045012345678" });
  });
});

describe("Retry-After: malformed times are not dates", () => {
  it.each([
    "Mon, 30 Nov 2026 12:34:5: GMT",
    "Mon, 30 Nov 2026 1:23:456 GMT",
    "Monday, 30-Nov-26 5:00:30 GMT",
    "Mon Nov 30 05:00:30 26",
    "Mon, 30 Nov 2026 05:00:30 2026",
    "Mon Nov 30 05:00:30 GMT",
    "Monday, 30-Nov-26 05:00:30 2026",
    "Mon, 30-Nov-26 05:00:30 GMT",
    "Monday, 30 Nov 2026 05:00:30 GMT",
  ])("%s", (value) => {
    expect(parseErrorBody({ status: 503, headers: { "retry-after": value }, body: "" }).retryAfterMs).toBeNull();
  });
});
