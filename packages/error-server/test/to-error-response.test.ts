import { ERROR_CATALOG, ERROR_CODES, type ErrorType } from "@org/error-types";
import { isErrorEnvelope } from "@org/error-validator";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ContractError,
  createError,
  type ErrorContext,
  ErrorBodyValidationError,
  isErrorBodyValidationError,
  MAX_PARAM_LENGTH,
  MAX_RESPONSE_MESSAGE_LENGTH,
  toErrorResponse,
  toFetchResponse,
} from "../src/index.js";
import { LEAKS, THROWN } from "./helpers/thrown-values.js";

const quiet = { onError: () => undefined };

describe("toErrorResponse for catalog codes", () => {
  it.each(ERROR_CODES)("%s: catalog status, strict body, x-should-retry", (code) => {
    const entry = ERROR_CATALOG[code];
    const response = toErrorResponse(createError(code), quiet);
    expect(response).toEqual({
      status: entry.status,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "x-should-retry": String(entry.retryable),
        "x-error-code": code,
      },
      body: { error: { message: entry.meaning, type: entry.type, code, doc_url: entry.docUrl } },
    });
    expect(isErrorEnvelope(response.body)).toBe(true);
  });
});

describe("toErrorResponse headers", () => {
  it.each([
    { given: "no code", error: () => createError(401), want: { "content-type": "application/json; charset=utf-8" } },
    {
      given: "429 with retryAfter",
      error: () => createError(429, undefined, { retryAfter: 7 }),
      want: { "retry-after": "7" },
    },
    {
      given: "503 code with retryAfter",
      error: () => createError("get_channel_failed", undefined, { retryAfter: 1.5 }),
      want: { "retry-after": "2", "x-should-retry": "true" },
    },
    {
      given: "extra headers",
      error: () => createError(401, undefined, { headers: { "WWW-Authenticate": "Bearer" } }),
      want: { "www-authenticate": "Bearer" },
    },
  ])("$given", ({ error, want }) => {
    expect(toErrorResponse(error(), quiet).headers).toMatchObject(want);
  });

  it("sends no x-should-retry for errors without a code (clients apply their own rule)", () => {
    expect(toErrorResponse(createError(429), quiet).headers).not.toHaveProperty("x-should-retry");
  });

  it.each([
    { given: "req_01HZX-abc.123", want: "req_01HZX-abc.123" },
    { given: "has space", want: undefined },
    { given: "line\r\nset-cookie: a=b", want: undefined },
    { given: "é-accent", want: undefined },
    { given: "x".repeat(201), want: undefined },
    { given: "x".repeat(200), want: "x".repeat(200) },
    { given: "", want: undefined },
  ])("request id $given is echoed only if safe", ({ given, want }) => {
    expect(toErrorResponse(createError(404), { ...quiet, requestId: given }).headers["x-request-id"]).toBe(want);
  });
});

describe("toErrorResponse for anything that is not a ContractError", () => {
  it.each(THROWN)("$given: generic 500, nothing leaked, original to onError", ({ make }) => {
    const value = make();
    const seen: Array<{ error: unknown; context: ErrorContext }> = [];
    const response = toErrorResponse(value, {
      requestId: "r1",
      onError: (error, context) => seen.push({ error, context }),
    });
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { message: "Internal server error", type: "server_error", code: null, request_id: "r1" },
    });
    const text = JSON.stringify(response);
    for (const leak of LEAKS) expect(text).not.toContain(leak);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.error).toBe(value);
    expect(seen[0]?.context).toEqual({
      status: 500,
      code: null,
      unexpected: true,
      requestId: "r1",
      headersSent: false,
      answered: true,
      request: undefined,
    });
  });

  it("treats a branded error with unreadable or broken fields as unexpected", () => {
    const brand = Symbol.for("@org/error-server.ContractError");
    const broken = Object.assign(new Error("sk-proj-secretsecretsecret"), {
      [brand]: true,
      status: 200,
      type: "server_error",
      code: null,
    });
    expect(toErrorResponse(broken, quiet).body.error.message).toBe("Internal server error");
  });

  it("tells onError about ContractErrors too, as expected ones", () => {
    const onError = vi.fn();
    toErrorResponse(createError("model_not_found"), { onError });
    expect(onError).toHaveBeenCalledWith(
      expect.any(ContractError),
      expect.objectContaining({ status: 404, code: "model_not_found", unexpected: false }),
    );
  });

  it("survives an onError that throws", () => {
    const response = toErrorResponse(new Error("x"), {
      onError: () => {
        throw new Error("logger down");
      },
    });
    expect(response.status).toBe(500);
  });
});

describe("default onError", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs unexpected errors with console.error, not ContractErrors", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    toErrorResponse(createError("model_price_error"));
    expect(log).not.toHaveBeenCalled();
    const bug = new Error("bug");
    toErrorResponse(bug, { requestId: "r9" });
    expect(log).toHaveBeenCalledWith(expect.stringContaining("request r9"), bug);
  });
});

describe("redaction", () => {
  const secretMessage = "upstream https://api.example.com/v1?key=abc at 10.0.0.1 with sk-abcdefghijkl failed";
  const masked = "upstream [redacted] at [redacted] with [redacted] failed";

  it.each([
    { given: "default, 5xx", redact: undefined, error: () => createError("bad_response", secretMessage), want: masked },
    {
      given: "default, 4xx",
      redact: undefined,
      error: () => createError("invalid_request", secretMessage),
      want: secretMessage,
    },
    {
      given: '"all", 4xx',
      redact: "all" as const,
      error: () => createError("invalid_request", secretMessage),
      want: masked,
    },
    {
      given: '"none", 5xx',
      redact: "none" as const,
      error: () => createError("bad_response", secretMessage),
      want: secretMessage,
    },
    {
      given: "a function",
      redact: (m: string, s: number) => `${s}:${m.length}`,
      error: () => createError(404, "abc"),
      want: "404:3",
    },
  ])("$given", ({ redact, error, want }) => {
    expect(toErrorResponse(error(), { ...quiet, redact }).body.error.message).toBe(want);
  });

  it.each([
    {
      given: "throws",
      redact: () => {
        throw new Error("redactor bug");
      },
    },
    { given: "returns a number", redact: () => 5 as unknown as string },
  ])("a redact function that $given gives the status text and is reported", ({ redact }) => {
    const onError = vi.fn();
    const { body } = toErrorResponse(createError("bad_response", "secret sk-abcdefghijkl"), { redact, onError });
    expect(body.error.message).toBe("Bad Gateway");
    expect(onError).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ status: 502 }));
  });
});

describe("caps", () => {
  it("cuts long messages to MAX_RESPONSE_MESSAGE_LENGTH, ending in an ellipsis", () => {
    const { body } = toErrorResponse(createError(400, "a".repeat(100_000)), quiet);
    expect(body.error.message).toHaveLength(MAX_RESPONSE_MESSAGE_LENGTH);
    expect(body.error.message.endsWith("…")).toBe(true);
  });

  it("never splits a surrogate pair", () => {
    const { body } = toErrorResponse(createError(400, "😀".repeat(MAX_RESPONSE_MESSAGE_LENGTH + 1)), quiet);
    const beforeEllipsis = body.error.message.slice(0, -1);
    expect(beforeEllipsis.length % 2).toBe(0);
    expect(beforeEllipsis).toBe("😀".repeat(beforeEllipsis.length / 2));
  });

  it("cuts long params to MAX_PARAM_LENGTH", () => {
    const { body } = toErrorResponse(createError("invalid_request", undefined, { param: "p".repeat(1000) }), quiet);
    expect(body.error.param).toHaveLength(MAX_PARAM_LENGTH);
  });

  it("keeps a null param", () => {
    expect(
      toErrorResponse(createError("invalid_request", undefined, { param: null }), quiet).body.error,
    ).toHaveProperty("param", null);
  });
});

describe("the validate safety net", () => {
  afterEach(() => vi.unstubAllEnvs());
  const invalid = (): ContractError =>
    new ContractError({ status: 409, type: "conflict_error" as ErrorType, message: "taken" });

  it("is on under NODE_ENV=test and throws ErrorBodyValidationError naming the request and the problem", () => {
    const run = (): unknown => toErrorResponse(invalid(), { ...quiet, requestId: "req-7" });
    expect(run).toThrow(ErrorBodyValidationError);
    expect(run).toThrow(
      /409 error response for request req-7 is not a valid contract envelope: type "conflict_error" is not a known category/,
    );
    try {
      run();
    } catch (e) {
      expect(isErrorBodyValidationError(e)).toBe(true);
      expect((e as ErrorBodyValidationError).issues[0]).toMatchObject({ path: "/error/type", keyword: "enum" });
    }
  });

  it("catches a code outside the catalog", () => {
    const error = new ContractError({ status: 400, code: "my_code" as never });
    expect(() => toErrorResponse(error, quiet)).toThrow(/code "my_code" is not in the catalog/);
  });

  it.each([
    { given: "validate: false", options: { validate: false }, env: "test" },
    { given: "NODE_ENV=production", options: {}, env: "production" },
  ])("is off with $given: the body goes out as produced", ({ options, env }) => {
    vi.stubEnv("NODE_ENV", env);
    expect(toErrorResponse(invalid(), { ...quiet, ...options })).toMatchObject({
      status: 409,
      body: { error: { type: "conflict_error", message: "taken" } },
    });
  });

  it("is on with validate: true in any environment", () => {
    vi.stubEnv("NODE_ENV", "production");
    expect(() => toErrorResponse(invalid(), { ...quiet, validate: true })).toThrow(ErrorBodyValidationError);
  });
});

describe("toFetchResponse", () => {
  it("builds a Response with the same status, headers and JSON body", async () => {
    const response = toFetchResponse(createError("channel:no_available_key", undefined, { retryAfter: 3 }), {
      ...quiet,
      requestId: "abc",
    });
    expect(response.status).toBe(503);
    expect(Object.fromEntries(response.headers)).toEqual({
      "content-type": "application/json; charset=utf-8",
      "x-should-retry": "true",
      "retry-after": "3",
      "x-request-id": "abc",
      "x-error-code": "channel:no_available_key",
    });
    expect(await response.json()).toEqual({
      error: {
        message: "No available channel key",
        type: "upstream_error",
        code: "channel:no_available_key",
        request_id: "abc",
        doc_url: ERROR_CATALOG["channel:no_available_key"].docUrl,
      },
    });
  });
});
