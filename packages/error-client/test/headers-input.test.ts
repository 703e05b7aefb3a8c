import { describe, expect, it } from "vitest";
import { parseErrorBody } from "../src/index.js";

const body = { error: { message: "m", type: "rate_limit_error", code: null } };

describe("parseErrorBody reads headers in every HeadersInit form, as new Headers() would", () => {
  it.each([
    {
      name: "a record, names in any case",
      headers: { "X-Request-Id": "req_1", "Retry-After": " 2 " },
      want: { requestId: "req_1", retryAfterMs: 2000 },
    },
    {
      name: "a list of pairs",
      headers: [
        ["x-request-id", "req_2"],
        ["retry-after", "3"],
      ],
      want: { requestId: "req_2", retryAfterMs: 3000 },
    },
    { name: "a Map", headers: new Map([["x-request-id", "req_3"]]), want: { requestId: "req_3", retryAfterMs: null } },
    {
      name: "a Headers",
      headers: new Headers({ "x-request-id": "req_4", "retry-after-ms": "150" }),
      want: { requestId: "req_4", retryAfterMs: 150 },
    },
    {
      name: "a foreign Headers-like object",
      headers: { get: (n: string) => (n === "x-request-id" ? "req_5" : null), [Symbol.iterator]: function* () {} },
      want: { requestId: "req_5", retryAfterMs: null },
    },
    {
      name: "repeated names joined with a comma",
      headers: [
        ["x-should-retry", "false"],
        ["X-Should-Retry", "true"],
      ],
      want: { shouldRetry: null },
    },
    {
      name: "an invalid name: no headers at all",
      headers: { "bad name": "x", "x-request-id": "req_6" },
      want: { requestId: null },
    },
    {
      name: "a value with a line break: no headers at all",
      headers: { "x-request-id": "a\r\nset-cookie: x" },
      want: { requestId: null },
    },
    { name: "a malformed pair: no headers at all", headers: [["x-request-id"]], want: { requestId: null } },
    { name: "not headers at all (a number)", headers: 42, want: { requestId: null } },
  ])("$name", ({ headers, want }) => {
    const error = parseErrorBody({ status: 429, headers: headers as never, body });
    expect(error).toMatchObject(want);
  });

  it("a getter that throws gives no headers, not an exception", () => {
    const headers = Object.defineProperty({}, "x-request-id", {
      enumerable: true,
      get: () => {
        throw new Error("boom");
      },
    });
    expect(parseErrorBody({ status: 429, headers, body })).toMatchObject({ requestId: null, status: 429 });
  });
});
