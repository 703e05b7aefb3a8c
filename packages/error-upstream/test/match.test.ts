import { describe, expect, it } from "vitest";
import { fromUpstreamBody, fromUpstreamFailure, fromUpstreamResponse, isUpstreamErrorBody } from "../src/index.js";
import { FIXTURE_MAPPINGS } from "./fixtures/mappings.js";

const acme = { provider: "acme", mappings: FIXTURE_MAPPINGS };
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

describe("the rules, tried in order (a hand mapping passed as `mappings`)", () => {
  it.each([
    [
      "a header value before its ':' namespace",
      json(400, {}, { "x-amzn-errortype": "ThrottlingException:http://internal.amazon.com/coral/" }),
      "acme.throttled",
    ],
    ["a status and a numeric body code", json(429, { error: { code: 7, message: "no credit" } }), "acme.quota"],
    [
      "a google.rpc status inside a one-element array",
      json(429, [{ error: { code: 429, status: "RESOURCE_EXHAUSTED" } }]),
      "acme.exhausted",
    ],
    [
      "the anchored message pattern, last",
      json(404, { error: { message: "The model `gpt-9` does not exist" } }),
      "acme.model",
    ],
    ["a status range", json(524, { error: { message: "x" } }), "acme.overloaded"],
    ["the fallback's rules when none of the provider's match", json(418, "teapot"), "generic.any"],
  ])("%s", async (_, response, rule) => {
    expect((await fromUpstreamResponse(response, acme)).rule).toBe(rule);
  });

  it("a message pattern does not match later in the message (anchored), and a wrong status does not match", async () => {
    const outcome = await fromUpstreamResponse(
      json(404, { error: { message: "Sorry. The model `x` does not exist" } }),
      acme,
    );
    expect(outcome.rule).toBe("generic.any");
  });

  it("transport failures match only failure rules, by kind", () => {
    expect(fromUpstreamFailure(new DOMException("t", "TimeoutError"), { ...acme, phase: "request" }).rule).toBe(
      "acme.timeout",
    );
    const refused = new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) });
    const outcome = fromUpstreamFailure(refused, { ...acme, phase: "request" });
    expect([outcome.rule, outcome.error.code, outcome.disposition]).toEqual([
      "generic.connect",
      "do_request_failed",
      "transient",
    ]);
  });

  it("with no rule matching at all, answers the last resort: bad_response, unknown, rule null", async () => {
    const mappings = { solo: { ...FIXTURE_MAPPINGS["acme"]!, provider: "solo", rules: [] } };
    const outcome = await fromUpstreamResponse(json(500, {}), { provider: "solo", mappings });
    expect([outcome.rule, outcome.error.code, outcome.disposition]).toEqual([null, "bad_response", "unknown"]);
  });
});

describe("attribution, Retry-After and retries", () => {
  it("takes the provider's request id from the mapping's headers, in order, and its code and type", async () => {
    const response = json(
      429,
      { error: { code: "insufficient_quota", type: "billing", message: "m" } },
      { "x-request-id": "b", "acme-request-id": "a" },
    );
    const { error } = await fromUpstreamResponse(response, acme);
    expect(error.upstream).toEqual({
      provider: "acme",
      status: 429,
      code: "insufficient_quota",
      type: "billing",
      request_id: "a",
      message: "m",
    });
  });

  it("passes x-ms-retry-after-ms on in whole seconds, clamped to the contract's bound, with a status that may carry it", async () => {
    const small = await fromUpstreamResponse(
      json(400, {}, { "x-amzn-errortype": "ThrottlingException", "x-ms-retry-after-ms": "1200" }),
      acme,
    );
    expect([small.error.status, small.error.retryAfter, small.retryAfterMs]).toEqual([503, 2, 1200]);
    const huge = await fromUpstreamResponse(
      json(400, {}, { "x-amzn-errortype": "ThrottlingException", "retry-after": "99999999" }),
      acme,
    );
    expect(huge.error.retryAfter).toBe(86_400);
  });

  it("sends no Retry-After with a status that may not carry it", async () => {
    const outcome = await fromUpstreamResponse(json(429, { error: { code: 7 } }, { "retry-after": "5" }), acme);
    expect([outcome.error.status, outcome.error.retryAfter, outcome.retryAfterMs]).toEqual([502, undefined, 5000]);
  });

  it("never answers retryable after the provider said x-should-retry: false", async () => {
    const outcome = await fromUpstreamResponse(json(524, {}, { "x-should-retry": "false", "retry-after": "5" }), acme);
    expect([outcome.error.retryable, outcome.error.retryAfter]).toEqual([false, undefined]);
  });

  it("retried: true answers 'don't retry' unless the disposition is one a later retry helps", async () => {
    const transient = fromUpstreamFailure(new Error("x"), { ...acme, phase: "request", retried: true });
    expect([transient.disposition, transient.error.retryable]).toEqual(["transient", false]);
    const overloaded = await fromUpstreamResponse(json(529, {}), { ...acme, retried: true });
    expect([overloaded.disposition, overloaded.error.retryable]).toEqual(["overloaded", undefined]);
    const strict = await fromUpstreamResponse(json(529, {}), { ...acme, retried: true, retryLaterFor: [] });
    expect(strict.error.retryable).toBe(false);
  });
});

describe("bodies already read, and 2xx bodies", () => {
  it("fromUpstreamBody reads a record of headers in any case", () => {
    const outcome = fromUpstreamBody(
      { status: 400, headers: { "X-Amzn-ErrorType": "ThrottlingException" }, body: "{}" },
      acme,
    );
    expect(outcome.rule).toBe("acme.throttled");
  });

  it.each([
    [{ error: { message: "m" } }, true],
    [{ type: "error", error: { type: "overloaded_error" }, request_id: "r" }, true],
    [[{ error: { code: 429 } }], true],
    [{ error: "no credit" }, true],
    [{ id: "resp_1", object: "response", status: "failed", error: { message: "m" } }, false],
    [{ error: null }, false],
    [{ choices: [] }, false],
    ["text", false],
  ])("isUpstreamErrorBody(%j) is %s", (data, want) => {
    expect(isUpstreamErrorBody(data)).toBe(want);
  });
});
