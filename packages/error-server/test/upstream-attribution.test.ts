import { isUpstreamProvider, UPSTREAM_PROVIDER_PATTERN } from "@org/error-types";
import { validateErrorEnvelope } from "@org/error-validator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ContractError, createError, toErrorResponse, toProblemDetails } from "../src/index.js";

const upstream = {
  provider: "openai",
  status: 429,
  code: "rate_limit_exceeded",
  type: "requests",
  request_id: "req_abc123",
  message: "Rate limit reached; see https://platform.openai.com/account?key=sk-proj-abcdefghijklmnopqrstuvwx",
};

const strict = (body: unknown): void => expect(validateErrorEnvelope(body, { mode: "strict" }).ok).toBe(true);

describe("error.upstream (contract 1.2 attribution)", () => {
  it('"provider" (the default) names the provider and its request id only', () => {
    const { body } = toErrorResponse(createError("bad_response_status_code", { upstream }), { requestId: "gw-1" });
    expect(body.error.upstream).toEqual({ provider: "openai", request_id: "req_abc123" });
    expect(body.error.request_id).toBe("gw-1");
    expect(body.error.message).not.toContain("Rate limit");
    strict(body);
  });

  it('"full" adds status, code and type, and the provider message masked after the error\'s own', () => {
    const { body } = toErrorResponse(createError("bad_response_status_code", { upstream }), { attribution: "full" });
    expect(body.error.upstream).toEqual({
      provider: "openai",
      status: 429,
      code: "rate_limit_exceeded",
      type: "requests",
      request_id: "req_abc123",
    });
    expect(body.error.message).toMatch(
      /^Bad upstream status code \(openai said: Rate limit reached; see \[redacted\]\)$/,
    );
    expect(body.error.message).not.toContain("sk-proj");
    strict(body);
  });

  it("problem+json carries the same upstream member as an extension", () => {
    const response = toErrorResponse(createError("bad_response_status_code", { upstream }), { attribution: "full" });
    expect(toProblemDetails(response).body.upstream).toEqual(response.body.error.upstream);
    const none = toErrorResponse(createError("bad_response_status_code", { upstream }), { attribution: "none" });
    expect("upstream" in toProblemDetails(none).body).toBe(false);
  });

  it('"none" sends no upstream member, and bodyMetadata: false none either', () => {
    const error = createError("bad_response_status_code", { upstream });
    expect(toErrorResponse(error, { attribution: "none" }).body.error.upstream).toBeUndefined();
    expect(toErrorResponse(error, { bodyMetadata: false }).body.error.upstream).toBeUndefined();
  });

  it("masks and caps every provider string, even with redact: none and on a 4xx", () => {
    const secret = "sk-ant-api03-" + "a".repeat(90);
    const error = createError(400, "bad", {
      upstream: { provider: "anthropic", code: `x ${secret}`, type: "y".repeat(10_000), message: secret },
    });
    const { body } = toErrorResponse(error, { attribution: "full", redact: "none" });
    const text = JSON.stringify(body);
    expect(text).not.toContain(secret.slice(0, 20));
    expect([...(body.error.upstream?.type ?? "")].length).toBeLessThanOrEqual(256);
    strict(body);
  });

  it("drops a provider request id that is not a safe id", () => {
    const error = createError("bad_response", { upstream: { provider: "groq", request_id: "a\r\nset-cookie: x" } });
    expect(toErrorResponse(error).body.error.upstream).toEqual({ provider: "groq" });
  });

  it("a custom redact function masks the provider strings too", () => {
    const error = createError("bad_response", { upstream: { provider: "groq", request_id: "req_1", code: "c" } });
    const { body } = toErrorResponse(error, { attribution: "full", redact: (text) => text.replace(/req_1|^c$/, "X") });
    expect(body.error.upstream).toEqual({ provider: "groq", request_id: "X", code: "X" });
  });

  it.each([
    [{ provider: "" }, /provider/],
    [{ provider: "Open AI" }, /provider/],
    [{ provider: "openai", status: 99 }, /status/],
    [{ provider: "openai", status: 42.5 }, /status/],
    [{ provider: "openai", code: 7 }, /code/],
    [null, /upstream must be an object/],
  ])("a malformed upstream %j is a TypeError where the error is made", (given, message) => {
    expect(() => new ContractError({ status: 502, upstream: given as never })).toThrow(message);
  });

  it('a misspelt attribution is a TypeError naming "none", "provider", "full"', () => {
    expect(() => toErrorResponse(createError(502 as never), { attribution: "All" as never })).toThrow(
      /attribution must be "none", "provider", "full"/,
    );
  });
});

describe("retryable (chain-safe retries)", () => {
  it("overrides the catalog's x-should-retry, both ways", () => {
    expect(toErrorResponse(createError("bad_response", { retryable: false })).headers["x-should-retry"]).toBe("false");
    expect(toErrorResponse(createError("bad_response")).headers["x-should-retry"]).toBe("true");
    expect(toErrorResponse(createError(429, { retryable: false })).headers["x-should-retry"]).toBe("false");
    expect(toErrorResponse(createError(429)).headers["x-should-retry"]).toBeUndefined();
  });

  it("a non-boolean retryable is a TypeError", () => {
    expect(() => createError("bad_response", { retryable: "no" as never })).toThrow(/retryable must be true or false/);
  });
});

describe("the provider name follows the contract's grammar (isUpstreamProvider, generated from schemas/)", () => {
  const names = fc.oneof(
    fc.string({ unit: fc.constantFrom("a", "z", "0", ".", "_", "-", "A", " ", "é", "/"), maxLength: 6 }),
    fc.constantFrom(0, 63, 64, 65).map((n) => `p${"a".repeat(n)}`),
    fc.string(),
  );

  it("createError accepts exactly the names the strict envelope schema accepts, and the body they make is valid", () => {
    fc.assert(
      fc.property(names, (provider) => {
        const make = () => createError("do_request_failed", { upstream: { provider } });
        if (!isUpstreamProvider(provider)) {
          expect(make).toThrow(TypeError);
          expect(make).toThrow(UPSTREAM_PROVIDER_PATTERN);
          return;
        }
        const body = toErrorResponse(make()).body;
        expect(validateErrorEnvelope(body, { mode: "strict" }).ok).toBe(true);
      }),
      { seed: 20261207, numRuns: 300 },
    );
  });
});
