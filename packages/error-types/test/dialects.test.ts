import { describe, expect, it } from "vitest";
import {
  type Dialect,
  DIALECT_NAMES,
  dialectErrorType,
  DIALECTS,
  ERROR_TYPES,
  type ErrorType,
  HTTP_STATUSES,
  isDialect,
  REQUEST_ID_HEADER,
} from "../src/index.js";

describe("DIALECT_NAMES and DIALECTS", () => {
  it("name the three surfaces, openai (the default) first, each with its rules", () => {
    expect(DIALECT_NAMES).toEqual(["openai", "anthropic", "gemini"]);
    expect(Object.keys(DIALECTS)).toEqual([...DIALECT_NAMES]);
    for (const name of DIALECT_NAMES) expect(DIALECTS[name].requestIdHeaders[0]).toBe(REQUEST_ID_HEADER);
  });

  it("isDialect accepts exactly the names, never throws", () => {
    for (const name of DIALECT_NAMES) expect(isDialect(name)).toBe(true);
    for (const value of ["OpenAI", "problem", "", null, undefined, 1, {}, "__proto__", "toString"])
      expect(isDialect(value)).toBe(false);
  });
});

/** The surface type of each (dialect, type, status) case the reference decides, read from the data. */
const CASES: Array<[Dialect, ErrorType, number, string]> = [
  ["openai", "upstream_error", 502, "upstream_error"],
  ["openai", "upstream_error", 503, "upstream_error"],
  ["anthropic", "upstream_error", 502, "api_error"],
  ["anthropic", "server_error", 500, "api_error"],
  ["anthropic", "upstream_error", 503, "overloaded_error"],
  ["anthropic", "upstream_error", 504, "timeout_error"],
  ["anthropic", "rate_limit_error", 429, "rate_limit_error"],
  ["anthropic", "permission_error", 403, "permission_error"],
  ["gemini", "invalid_request_error", 400, "INVALID_ARGUMENT"],
  ["gemini", "invalid_request_error", 413, "INVALID_ARGUMENT"],
  ["gemini", "invalid_request_error", 409, "ABORTED"],
  ["gemini", "authentication_error", 401, "UNAUTHENTICATED"],
  ["gemini", "rate_limit_error", 429, "RESOURCE_EXHAUSTED"],
  ["gemini", "upstream_error", 503, "UNAVAILABLE"],
  ["gemini", "upstream_error", 504, "DEADLINE_EXCEEDED"],
  ["gemini", "server_error", 501, "UNIMPLEMENTED"],
  ["gemini", "server_error", 500, "INTERNAL"],
];

describe("dialectErrorType", () => {
  it.each(CASES)("%s: %s at %i is %s", (dialect, type, status, want) => {
    expect(dialectErrorType(dialect, type, status)).toBe(want);
  });

  it("the openai dialect keeps every contract type at every status", () => {
    for (const status of Object.keys(HTTP_STATUSES).map(Number))
      for (const type of ERROR_TYPES) expect(dialectErrorType("openai", type, status)).toBe(type);
  });

  it("gives every dialect a name for every status of the table with its codeless type", () => {
    for (const dialect of DIALECT_NAMES)
      for (const [status, row] of Object.entries(HTTP_STATUSES))
        expect(dialectErrorType(dialect, row.type, Number(status))).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });

  it("a dialect or type that is not the contract's: a TypeError naming the accepted dialects", () => {
    expect(() => dialectErrorType("mistral" as Dialect, "server_error", 500)).toThrow(
      new TypeError("unknown dialect mistral: use one of openai, anthropic, gemini"),
    );
    expect(() => dialectErrorType("openai", "toString" as ErrorType, 500)).toThrow(TypeError);
    expect(() => dialectErrorType("anthropic", "billing_error" as ErrorType, 402)).toThrow(TypeError);
  });
});
