import {
  ERROR_CATALOG,
  ERROR_CODES,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  isStatusAllowedForCode,
} from "@org/error-types";
import { describe, expect, it } from "vitest";
import { ContractError, createError, isContractError, MAX_RETRY_AFTER_SECONDS, toErrorResponse } from "../src/index.js";

describe("createError(code)", () => {
  it.each(ERROR_CODES)("%s takes status, type and message from the catalog", (code) => {
    const error = createError(code);
    const entry = ERROR_CATALOG[code];
    expect(error).toBeInstanceOf(ContractError);
    expect(error).toMatchObject({
      name: "ContractError",
      code,
      status: entry.status,
      type: entry.type,
      message: entry.meaning,
    });
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
  // Every status the contract allows without a code, with its type and reason phrase from the schema.
  const codeless = HTTP_ERROR_STATUSES.filter((s) => HTTP_STATUSES[s].codeless);
  it.each(codeless)("%s has code null, the table's type and reason phrase", (status) => {
    const error = createError(status as 404);
    expect(error).toMatchObject({
      status,
      code: null,
      type: HTTP_STATUSES[status].type,
      message: HTTP_STATUSES[status].reason,
    });
  });

  it("takes retryAfter for 429", () => {
    expect(createError(429, "slow down", { retryAfter: 30 })).toMatchObject({
      status: 429,
      retryAfter: 30,
      message: "slow down",
    });
  });

  it("takes the options without a message", () => {
    expect(createError(404, { param: "id" })).toMatchObject({
      status: 404,
      param: "id",
      message: HTTP_STATUSES[404].reason,
    });
    expect(createError("model_not_found", { param: "model" })).toMatchObject({
      status: 404,
      param: "model",
      message: ERROR_CATALOG.model_not_found.meaning,
    });
    expect(createError("read_request_body_failed", { status: 413 }).status).toBe(413);
  });
});

describe("createError accepts exactly what the contract allows", () => {
  it.each(ERROR_CODES.flatMap((code) => ERROR_CATALOG[code].statuses.map((status) => [code, status] as const)))(
    "%s with %s",
    (code, status) => {
      expect(createError(code, undefined, { status: status as never }).status).toBe(status);
    },
  );

  it.each(
    ERROR_CODES.flatMap((code) =>
      HTTP_ERROR_STATUSES.filter((s) => !isStatusAllowedForCode(code, s)).map((s) => [code, s] as const),
    ),
  )("%s is refused with %s", (code, status) => {
    expect(() => createError(code, undefined, { status: status as never })).toThrow(
      new RegExp(`${code} may be sent with status ${ERROR_CATALOG[code].statuses.join(", ")}`),
    );
  });

  it.each(HTTP_ERROR_STATUSES.filter((s) => !HTTP_STATUSES[s].codeless))(
    "status %s without a code is refused, naming the codes it needs",
    (status) => {
      expect(() => createError(status as never)).toThrow(
        new RegExp(`status ${status} needs a code; use createError\\(code\\) with one of `),
      );
    },
  );
});

describe("createError rejects programming errors with a clear TypeError", () => {
  it.each([
    {
      given: () => (createError as (...a: unknown[]) => unknown)(),
      want: /expected a catalog code \(.*\) or a status the contract allows without a code \(.*\); got undefined$/,
    },
    { given: () => createError(null as never), want: /; got null$/ },
    { given: () => createError({} as never), want: /; got an object$/ },
    { given: () => createError(["model_not_found"] as never), want: /; got an array$/ },
    { given: () => createError("no_such_code" as never), want: /got "no_such_code"/ },
    { given: () => createError(10n as never), want: /got a bigint/ },
    { given: () => createError(200 as never), want: /status 200 is not one the contract uses \(400, / },
    { given: () => createError(418 as never), want: /status 418 is not one the contract uses/ },
    { given: () => createError(404.5 as never), want: /status 404.5 is not one the contract uses/ },
    { given: () => createError(404, 12 as never), want: /message must be a string, got 12/ },
    { given: () => createError(404, "x", 5 as never), want: /options must be an object, got 5/ },
    { given: () => createError(404, "x", { status: 400 } as never), want: /options.status applies only to a code/ },
    {
      given: () => createError("model_not_found", undefined, { retryAfter: 5 }),
      want: /retryAfter is sent only with status 429 or 503, not 404/,
    },
    { given: () => createError(429, undefined, { retryAfter: -1 }), want: /retryAfter must be a finite number/ },
    {
      given: () => createError(429, undefined, { retryAfter: Number.NaN }),
      want: /retryAfter must be a finite number/,
    },
    {
      given: () => createError(429, undefined, { retryAfter: Number.POSITIVE_INFINITY }),
      want: /retryAfter must be a finite number/,
    },
    {
      given: () => createError(429, undefined, { retryAfter: "5" as never }),
      want: /retryAfter must be a finite number/,
    },
    {
      given: () => createError(400, undefined, { headers: { "bad name": "x" } }),
      want: /"bad name" is not a valid header name/,
    },
    {
      given: () => createError(400, undefined, { headers: { "x-a": "line\r\nInjected: 1" } }),
      want: /value of header "x-a"/,
    },
    {
      given: () => createError(400, undefined, { headers: { "Content-Type": "text/html" } }),
      want: /"content-type" is set by @org\/error-server/,
    },
    { given: () => createError(400, undefined, { param: 5 as never }), want: /param must be a string or null/ },
  ])("$want", ({ given, want }) => {
    expect(given).toThrow(TypeError);
    expect(given).toThrow(want);
  });
});

describe("retryAfter is an integer of seconds within MAX_RETRY_AFTER_SECONDS", () => {
  it.each([
    { seconds: 0, want: "0" },
    { seconds: 1.2, want: "2" },
    { seconds: 1e21, want: String(MAX_RETRY_AFTER_SECONDS) },
    { seconds: Number.MAX_VALUE, want: String(MAX_RETRY_AFTER_SECONDS) },
    { seconds: 86_400.5, want: String(MAX_RETRY_AFTER_SECONDS) },
  ])("$seconds -> retry-after: $want", ({ seconds, want }) => {
    const { headers } = toErrorResponse(createError(429, undefined, { retryAfter: seconds }));
    expect(headers["retry-after"]).toBe(want);
    expect(headers["retry-after"]).toMatch(/^\d+$/);
  });
});
