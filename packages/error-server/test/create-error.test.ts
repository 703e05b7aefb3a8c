import { ERROR_CATALOG, ERROR_CODES } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { ContractError, createError, isContractError } from "../src/index.js";

describe("createError(code)", () => {
  it.each(ERROR_CODES)("%s takes status, type and message from the catalog", (code) => {
    const error = createError(code);
    const entry = ERROR_CATALOG[code];
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({ name: "ContractError", code, status: entry.status, type: entry.type, message: entry.meaning });
    expect(error.param).toBeUndefined();
    expect(isContractError(error)).toBe(true);
  });

  it.each([
    { given: { message: "model gpt-x does not exist" }, want: { message: "model gpt-x does not exist" } },
    { given: { options: { param: "model" } }, want: { param: "model" } },
    { given: { options: { param: null } }, want: { param: null } },
    { given: { options: { status: 413 as const } }, want: { status: 413, type: "invalid_request_error" } },
    { given: { options: { headers: { "X-Trace": "abc" } } }, want: { headers: { "x-trace": "abc" } } },
  ])("keeps what it is given: $given", ({ given, want }) => {
    const error = createError("read_request_body_failed", given.message, given.options);
    expect(error).toMatchObject(want);
  });

  it("keeps the cause for logs", () => {
    const cause = new Error("db down");
    expect(createError("query_data_error", undefined, { cause }).cause).toBe(cause);
  });

  it.each([
    { given: "get_channel_failed" as const, seconds: 2.2, want: 3 },
    { given: "channel:no_available_key" as const, seconds: 0, want: 0 },
  ])("rounds retryAfter up to whole seconds for $given", ({ given, seconds, want }) => {
    expect(createError(given, undefined, { retryAfter: seconds }).retryAfter).toBe(want);
  });
});

describe("createError(status)", () => {
  it.each([
    { status: 401 as const, type: "authentication_error", message: "Unauthorized" },
    { status: 403 as const, type: "permission_error", message: "Forbidden" },
    { status: 404 as const, type: "not_found_error", message: "Not found" },
    { status: 409 as const, type: "invalid_request_error", message: "Conflict" },
    { status: 429 as const, type: "rate_limit_error", message: "Too many requests" },
    { status: 500 as const, type: "server_error", message: "Internal server error" },
    { status: 502 as const, type: "upstream_error", message: "Bad gateway" },
  ])("$status has code null, type $type and a default message", ({ status, type, message }) => {
    expect(createError(status)).toMatchObject({ status, code: null, type, message });
  });

  it("takes retryAfter for 429", () => {
    expect(createError(429, "slow down", { retryAfter: 30 })).toMatchObject({ status: 429, retryAfter: 30, message: "slow down" });
  });
});

describe("createError rejects programming errors with a clear TypeError", () => {
  it.each([
    { given: () => createError("no_such_code" as never), want: /"no_such_code" is not a catalog code/ },
    { given: () => createError(10n as never), want: /a bigint is not a catalog code/ },
    { given: () => createError(200 as never), want: /status must be an integer from 400 to 599, got 200/ },
    { given: () => createError(404.5 as never), want: /status must be an integer/ },
    { given: () => createError(404, 12 as never), want: /message must be a string/ },
    { given: () => createError(404, "x", { status: 400 } as never), want: /options.status applies only to a code/ },
    { given: () => createError("model_not_found", undefined, { retryAfter: 5 }), want: /retryAfter is sent only with status 429 or 503, not 404/ },
    { given: () => createError(429, undefined, { retryAfter: -1 }), want: /retryAfter must be a finite number/ },
    { given: () => createError(429, undefined, { retryAfter: Number.NaN }), want: /retryAfter must be a finite number/ },
    { given: () => createError(400, undefined, { headers: { "bad name": "x" } }), want: /"bad name" is not a valid header name/ },
    { given: () => createError(400, undefined, { headers: { "x-a": "line\r\nInjected: 1" } }), want: /value of header "x-a"/ },
    { given: () => createError(400, undefined, { headers: { "Content-Type": "text/html" } }), want: /"content-type" is set by @org\/error-server/ },
    { given: () => createError(400, undefined, { param: 5 as never }), want: /param must be a string or null/ },
  ])("$want", ({ given, want }) => {
    expect(given).toThrow(TypeError);
    expect(given).toThrow(want);
  });
});
