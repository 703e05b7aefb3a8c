import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ERROR_CATALOG,
  ERROR_CODES,
  errorTypeForHttpStatus,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  isHttpErrorStatus,
  isRetryableHttpStatus,
  isStatusAllowedForCode,
  MAX_MESSAGE_LENGTH,
  MAX_MESSAGE_SCHEMA_LENGTH,
  mayCarryRetryAfter,
  RETRY_AFTER_STATUSES,
} from "../src/index.js";
import {
  NON_RETRYABLE_STATUSES,
  OTHER_STATUS_TYPE,
  RETRYABLE_STATUSES,
  STATUS_CLASSES,
  STATUS_TYPES,
} from "../src/generated/http.js";
import { PROBE_STATUSES } from "./lookup-answers.js";

const envelope = JSON.parse(
  readFileSync(fileURLToPath(new URL("../../../schemas/error-envelope.schema.json", import.meta.url)), "utf8"),
);

describe("the HTTP status table", () => {
  it("has the contract's statuses, ascending, keyed by number", () => {
    expect([...HTTP_ERROR_STATUSES]).toEqual([
      400, 401, 403, 404, 405, 408, 409, 413, 415, 422, 429, 500, 501, 502, 503, 504,
    ]);
    expect(Object.keys(HTTP_STATUSES).map(Number)).toEqual([...HTTP_ERROR_STATUSES]);
  });

  it("says what a status means and which type a codeless response has", () => {
    expect(HTTP_STATUSES[404]).toEqual({
      reason: "Not Found",
      type: "not_found_error",
      retryAfter: false,
      codeless: true,
      meaning: "Not found",
      cause: "Path or model does not exist",
    });
    expect(HTTP_STATUSES[413]).toMatchObject({
      reason: "Content Too Large",
      type: "invalid_request_error",
      codeless: false,
    });
    expect(HTTP_STATUSES[429]).toMatchObject({
      reason: "Too Many Requests",
      type: "rate_limit_error",
      retryAfter: true,
      codeless: true,
    });
  });

  it("every code's statuses are in the table", () => {
    for (const code of ERROR_CODES)
      for (const status of ERROR_CATALOG[code].statuses)
        expect(isHttpErrorStatus(status), `${code} ${status}`).toBe(true);
  });

  it("the message caps: 8,192 for services, the schema's maxLength for validators", () => {
    expect(MAX_MESSAGE_LENGTH).toBe(8192);
    expect(MAX_MESSAGE_SCHEMA_LENGTH).toBe(envelope.$defs.ErrorBody.properties.message.maxLength);
    expect(MAX_MESSAGE_LENGTH).toBeLessThanOrEqual(MAX_MESSAGE_SCHEMA_LENGTH);
  });
});

describe("isHttpErrorStatus", () => {
  it.each([...HTTP_ERROR_STATUSES])("%i -> true", (status) => expect(isHttpErrorStatus(status)).toBe(true));
  it.each([418, 499, 505, 599, 200, 0, -404, 404.5, Number.NaN, "404", null, undefined, { status: 404 }])(
    "%s -> false",
    (value) => {
      expect(isHttpErrorStatus(value)).toBe(false);
    },
  );
});

describe("mayCarryRetryAfter", () => {
  it("429 and 503 only", () => {
    expect([...RETRY_AFTER_STATUSES]).toEqual([429, 503]);
    expect(HTTP_ERROR_STATUSES.filter(mayCarryRetryAfter)).toEqual([429, 503]);
    for (const other of [408, 500, 502, 599, 200, Number.NaN]) expect(mayCarryRetryAfter(other)).toBe(false);
  });
});

describe("errorTypeForHttpStatus", () => {
  it.each([...HTTP_ERROR_STATUSES])("%i -> the table's type", (status) =>
    expect(errorTypeForHttpStatus(status)).toBe(HTTP_STATUSES[status].type),
  );
  it.each([
    { given: 402, want: "invalid_request_error" },
    { given: 418, want: "invalid_request_error" },
    { given: 499, want: "invalid_request_error" },
    { given: 505, want: "server_error" },
    { given: 529, want: "server_error" },
    { given: 599, want: "server_error" },
    { given: 200, want: "server_error" },
    { given: 600, want: "server_error" },
    { given: 404.5, want: "server_error" },
    { given: Number.NaN, want: "server_error" },
  ])("outside the table: $given -> $want (the schema's class rule)", ({ given, want }) => {
    expect(errorTypeForHttpStatus(given)).toBe(want);
  });
});

describe("isRetryableHttpStatus", () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 507, 520, 521, 522, 523, 524, 529, 599])("%i -> true", (status) =>
    expect(isRetryableHttpStatus(status)).toBe(true),
  );
  it.each([
    400,
    401,
    403,
    404,
    405,
    413,
    415,
    418,
    422,
    499,
    501,
    505,
    200,
    302,
    600,
    0,
    503.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
  ])("%s -> false", (status) => {
    expect(isRetryableHttpStatus(status)).toBe(false);
  });
});

describe("isStatusAllowedForCode", () => {
  it.each([
    { code: "read_request_body_failed", status: 400, want: true },
    { code: "read_request_body_failed", status: 413, want: true },
    { code: "read_request_body_failed", status: 415, want: true },
    { code: "read_request_body_failed", status: 422, want: false },
    { code: "model_not_found", status: 404, want: true },
    { code: "model_not_found", status: 418, want: false },
    { code: "model_not_found", status: 400, want: false },
    { code: "channel:invalid_key", status: 502, want: true },
    { code: "invalid_key", status: 502, want: false },
    { code: "__proto__", status: 400, want: false },
    { code: "toString", status: 400, want: false },
  ])("$code at $status -> $want", ({ code, status, want }) => {
    expect(isStatusAllowedForCode(code, status)).toBe(want);
  });

  it("allows exactly each code's statuses", () => {
    for (const code of ERROR_CODES) {
      for (const status of HTTP_ERROR_STATUSES)
        expect(isStatusAllowedForCode(code, status)).toBe(
          (ERROR_CATALOG[code].statuses as readonly number[]).includes(status),
        );
    }
  });
});

describe("the generated status rules (code) agree with the generated rule data (tables), for every status", () => {
  // The old table-driven implementation, kept as the oracle for the small generated functions.
  const classOf = (s: number) => STATUS_CLASSES.find((c) => s >= c.from && s <= c.to);
  const typeOf = (s: number): string =>
    isHttpErrorStatus(s) ? STATUS_TYPES[s] : (Number.isInteger(s) && classOf(s)?.type) || OTHER_STATUS_TYPE;
  const retryOf = (s: number): boolean =>
    Number.isInteger(s) &&
    (RETRYABLE_STATUSES.includes(s) || (!NON_RETRYABLE_STATUSES.includes(s) && (classOf(s)?.retryable ?? false)));

  it("every integer from 300 to 700, and non-integers", () => {
    for (const status of PROBE_STATUSES) {
      expect(errorTypeForHttpStatus(status), String(status)).toBe(typeOf(status));
      expect(isRetryableHttpStatus(status), String(status)).toBe(retryOf(status));
    }
  });
});
