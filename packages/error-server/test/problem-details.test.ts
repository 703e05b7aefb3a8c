import { ERROR_CATALOG, ERROR_CODES, ERROR_REFERENCE_URL } from "@org/error-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefersProblemJson } from "../src/core/accept.js";
import { negotiateErrorResponse, toProblemDetails } from "../src/core/problem-details.js";
import { createError, toErrorResponse } from "../src/index.js";

const quiet = { onError: () => undefined };

describe("prefersProblemJson: RFC 9110 negotiation, envelope by default", () => {
  it.each([
    ["application/problem+json", true],
    ["APPLICATION/Problem+JSON", true],
    ["application/problem+json, application/json;q=0.9", true],
    ["application/json;q=0.5, application/problem+json", true],
    ["application/problem+json, */*", true],
    ["application/problem+json, */*;q=0.8", true],
    ["application/problem+json;q=0.9, application/*;q=0.5", true],
    ["application/json;q=0, */*", true],
    [" application/problem+json ; q=1.000 ", true],
    ["text/html, application/problem+json;q=0.1", true],
    ["application/problem+json;charset=utf-8", true],
    ["application/problem+json; level=1; Q=0.8, application/json;q=0.7", true],
    ["application/problem+json;q=0.001, application/json;q=0", true],
    ["application/problem+json;q=1., application/json;q=0.999", true],
    ["application/*;q=0.2, application/problem+json;q=0.3", true],
    ["application/json;q=0.9, application/*", true], // JSON ranked below any other application type
  ])("%j -> problem details", (accept, want) => {
    expect(prefersProblemJson(accept)).toBe(want);
  });

  it.each([
    [undefined, "no header"],
    ["", "empty"],
    ["*/*", "anything"],
    ["application/json", "the envelope by name"],
    ["application/*", "a wildcard that fits both"],
    ["application/json, application/problem+json", "a tie between two named types"],
    ["application/problem+json;q=0.5, application/json", "JSON ranked higher"],
    ["application/problem+json;q=0", "problem details refused"],
    ["application/problem+json;q=0, */*", "refused, wildcard left"],
    ["application/problem+json;q=1.5", "malformed q (range ignored)"],
    ["application/problem+json;q=abc", "malformed q (range ignored)"],
    ["application/problem+json;q=0.1234", "more than 3 decimals"],
    ["problem+json", "not a media range"],
    [",,;;==", "garbage"],
    ["text/html", "HTML only"],
    ["application/problem+json;q=, */*", "empty q (range ignored; */* ties nothing)"],
    ["application/problem+json;q=-1", "negative q"],
    ["application/problem+xml", "the XML form"],
    ["application/problem+json;q=0.5, application/*;q=0.5, application/json;q=0.5", "all equal, JSON named too"],
  ])("%j (%s) -> envelope", (accept, _why) => {
    expect(prefersProblemJson(accept)).toBe(false);
  });

  it("never throws, whatever the header or value", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (accept) => {
        expect(typeof prefersProblemJson(accept)).toBe("boolean");
      }),
    );
  });

  it("a header with thousands of ranges only looks at the first 64", () => {
    const filler = Array.from({ length: 5000 }, () => "text/plain;q=0.1").join(", ");
    expect(prefersProblemJson(`${filler}, application/problem+json`)).toBe(false);
    expect(prefersProblemJson(`application/problem+json, ${filler}`)).toBe(true);
  });
});

describe("toProblemDetails: RFC 9457 from the envelope's data", () => {
  it.each(ERROR_CODES)("%s keeps status, headers, message and code", (code) => {
    const envelope = toErrorResponse(createError(code), { ...quiet, requestId: "req-1" });
    const { status, headers, body } = toProblemDetails(envelope);
    const entry = ERROR_CATALOG[code];
    expect(status).toBe(entry.status);
    expect(headers).toEqual({ ...envelope.headers, "content-type": "application/problem+json; charset=utf-8" });
    expect(body).toEqual({
      type: `${ERROR_REFERENCE_URL}#${code}`,
      title: entry.meaning,
      status: entry.status,
      detail: envelope.body.error.message,
      code,
      request_id: "req-1",
    });
  });

  it("an error with no code is about:blank with the status's reason as title", () => {
    const { body } = toProblemDetails(toErrorResponse(createError(429, "slow down", { retryAfter: 3 }), quiet));
    expect(body).toEqual({
      type: "about:blank",
      title: "Too Many Requests",
      status: 429,
      detail: "slow down",
      code: null,
    });
  });

  it("param is carried as an extension member, also null", () => {
    expect(
      toProblemDetails(toErrorResponse(createError("invalid_request", "bad", { param: "model" }), quiet)).body.param,
    ).toBe("model");
    expect(
      toProblemDetails(toErrorResponse(createError("invalid_request", "bad", { param: null }), quiet)).body.param,
    ).toBeNull();
  });

  it("an unexpected error leaks nothing into detail", () => {
    const { body } = toProblemDetails(toErrorResponse(new Error("db at 10.0.0.7 password=hunter2"), quiet));
    expect(body).toEqual({
      type: "about:blank",
      title: "Internal Server Error",
      status: 500,
      detail: "Internal server error",
      code: null,
    });
  });
});

describe("negotiateErrorResponse", () => {
  const envelope = () => toErrorResponse(createError("model_not_found"), quiet);

  it("answers problem details when asked, the envelope otherwise, with vary: accept on both", () => {
    const problem = negotiateErrorResponse(envelope(), "application/problem+json");
    expect(problem.headers).toMatchObject({
      "content-type": "application/problem+json; charset=utf-8",
      vary: "accept",
    });
    expect(problem.body).toMatchObject({ code: "model_not_found", status: 404 });
    const plain = negotiateErrorResponse(envelope(), "application/json");
    expect(plain.body).toEqual(envelope().body);
    expect(plain.headers).toEqual({ ...envelope().headers, vary: "accept" });
  });

  it("adds accept to an existing vary once, and leaves vary: * alone", () => {
    const withVary = (vary: string) => toErrorResponse(createError(401, undefined, { headers: { vary } }), quiet);
    expect(negotiateErrorResponse(withVary("origin"), null).headers.vary).toBe("origin, accept");
    expect(negotiateErrorResponse(withVary("Origin, Accept"), null).headers.vary).toBe("Origin, Accept");
    expect(negotiateErrorResponse(withVary("*"), null).headers.vary).toBe("*");
  });

  it("does not modify the response it was given", () => {
    const original = envelope();
    const copy = structuredClone(original);
    negotiateErrorResponse(original, "application/problem+json");
    negotiateErrorResponse(original, "application/json");
    expect(original).toEqual(copy);
  });
});
