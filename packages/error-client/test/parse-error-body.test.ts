import { ERROR_CODES } from "@org/error-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError, isApiError, parseErrorBody } from "../src/index.js";

describe("parseErrorBody", () => {
  it.each([
    {
      name: "a parsed envelope",
      given: { status: 404, body: { error: { message: "m", type: "not_found_error", code: "model_not_found" } } },
      want: { status: 404, code: "model_not_found", isContract: true },
    },
    {
      name: "envelope text",
      given: { status: 503, body: '{"error":{"message":"m","code":"get_channel_failed"}}' },
      want: { code: "get_channel_failed", type: "upstream_error" },
    },
    {
      name: "bytes",
      given: { status: 400, body: new TextEncoder().encode('{"error":{"message":"m","code":"invalid_request"}}') },
      want: { code: "invalid_request" },
    },
    {
      name: "an ArrayBuffer",
      given: { status: 400, body: new TextEncoder().encode("bad").buffer },
      want: { detail: "bad" },
    },
    {
      name: "undefined body",
      given: { status: 502, body: undefined },
      want: { detail: "the response body is empty", type: "upstream_error" },
    },
    { name: "a status out of range", given: { status: 1234, body: "x" }, want: { status: null, type: null } },
    { name: "a fractional status", given: { status: 404.5, body: "x" }, want: { status: null } },
    {
      name: "headers as pairs",
      given: { status: 500, headers: [["X-Request-Id", "r9"]] as [string, string][], body: "x" },
      want: { requestId: "r9" },
    },
    {
      name: "invalid header names (ignored)",
      given: { status: 500, headers: { "bad header": "v" }, body: "x" },
      want: { status: 500, requestId: null },
    },
    {
      name: "the url (query dropped)",
      given: { status: 500, body: "x", url: "https://user:pw@api.example/v1/chat?key=sk-1" },
      want: { url: "https://api.example/v1/chat" },
    },
    {
      name: "a body cut at the cap",
      given: { status: 500, body: `{"error":{"message":"${"a".repeat(100)}"}}` },
      options: { maxBodyBytes: 50 },
      want: { isContract: false, detail: expect.stringContaining("cut at the read cap") },
    },
  ])("$name", ({ given, want, options }) => {
    const error = parseErrorBody(given as Parameters<typeof parseErrorBody>[0], options);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(want);
  });

  it("the detail of a body that is not valid JSON is made from the snippet kept in body (its first 2,048 characters)", () => {
    const body = `{error: ${" ".repeat(3000)} far away}`;
    const error = parseErrorBody({ status: 500, headers: { "content-type": "application/json" }, body });
    expect(error.detail).toBe("the response body is not valid JSON: {error:");
    expect(error.body).toBe(`${body.slice(0, 2047)}…`);
  });

  it("reads x-should-retry and the request id from headers", () => {
    const error = parseErrorBody({
      status: 500,
      headers: { "x-should-retry": "FALSE", "x-request-id": "abc" },
      body: "",
    });
    expect(error).toMatchObject({ shouldRetry: false, requestId: "abc" });
    expect(error.message).toBe("HTTP 500: the response body is empty (request id: abc)");
  });

  it("formats the message with status, code and url", () => {
    const error = parseErrorBody({
      status: 404,
      body: { error: { message: "No such model", code: "model_not_found" } },
      url: "http://127.0.0.1:1/v1/x",
    });
    expect(error.message).toBe("HTTP 404 model_not_found from http://127.0.0.1:1/v1/x: No such model");
    expect(error.name).toBe("ApiError");
  });

  it("never throws on a hostile body: a throwing getter, a throwing proxy, a revoked proxy", () => {
    const getter = {
      get error(): unknown {
        throw new Error("boom");
      },
    };
    const proxy = new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
        has: () => {
          throw new Error("trap");
        },
        ownKeys: () => {
          throw new Error("trap");
        },
        getOwnPropertyDescriptor: () => {
          throw new Error("trap");
        },
      },
    );
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const body of [getter, proxy, revoked]) {
      const error = parseErrorBody({ status: 500, body });
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(500);
    }
    expect(parseErrorBody(null as never)).toMatchObject({ status: null, detail: "the error body could not be read" });
  });
});

describe("bodies cannot pollute anything", () => {
  it.each([
    '{"__proto__":{"polluted":true,"error":{"message":"inherited","code":"model_not_found"}}}',
    '{"constructor":{"prototype":{"polluted":true}},"error":{"message":"m","code":"__proto__"}}',
    '{"error":{"__proto__":{"polluted":true,"code":"model_not_found"},"message":"m"}}',
  ])("%s", (body) => {
    const error = parseErrorBody({ status: 400, headers: { "content-type": "application/json" }, body });
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect((error as unknown as Record<string, unknown>)["polluted"]).toBeUndefined();
    // Inherited or "__proto__" members are never read as the sender's code.
    expect(error.code).toBeNull();
    expect(Object.getPrototypeOf(error)).toBe(ApiError.prototype);
  });
});

it("reads only own members of a hand-made body (an inherited error is not the sender's)", () => {
  const inherited = Object.create({ error: { message: "inherited", code: "model_not_found" } }) as object;
  const error = parseErrorBody({ status: 400, body: inherited });
  expect(error).toMatchObject({ code: null, isContract: false, detail: "the error body has no message" });
});

describe("isApiError", () => {
  const error = parseErrorBody({ status: 404, body: { error: { message: "m", code: "model_not_found" } } });
  it.each([
    { given: error, code: undefined, want: true },
    { given: error, code: "model_not_found" as const, want: true },
    { given: error, code: "invalid_request" as const, want: false },
    { given: new Error("x"), code: undefined, want: false },
    { given: { name: "ApiError", status: 404 }, code: undefined, want: false },
    { given: null, code: undefined, want: false },
    // Another copy of the class (the CJS build next to the ESM one) carries the same brand.
    {
      given: Object.defineProperty(new Error("x"), Symbol.for("@org/error-client/ApiError"), { value: true }),
      code: undefined,
      want: true,
    },
  ])("$given.message / $code -> $want", ({ given, code, want }) => {
    expect(isApiError(given, code)).toBe(want);
  });
});

describe("property: parseErrorBody never throws", () => {
  const catalog = new Set<unknown>(ERROR_CODES);
  const headers = fc.oneof(
    fc.dictionary(fc.string(), fc.string()),
    fc.array(fc.tuple(fc.string(), fc.string())),
    fc.anything(),
  );
  const code = fc.oneof(
    fc.constantFrom(...ERROR_CODES),
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.constant("__proto__"),
  );
  const envelope = fc.record({
    error: fc.record(
      { message: fc.oneof(fc.string(), fc.anything()), code, type: fc.anything() },
      { requiredKeys: [] },
    ),
  });
  const body = fc.oneof(
    fc.string(),
    fc.json(),
    fc.anything(),
    envelope,
    envelope.map((e) => JSON.stringify(e)),
    fc.uint8Array(),
  );

  it("returns an ApiError whose code is a catalog code or null, for any status, headers and body", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.anything()), headers, body, (status, h, b) => {
        const error = parseErrorBody({ status: status as number, headers: h as HeadersInit, body: b });
        expect(isApiError(error)).toBe(true);
        expect(error.code === null || catalog.has(error.code)).toBe(true);
        expect(typeof error.message).toBe("string");
      }),
      { numRuns: 1000 },
    );
  });
});
