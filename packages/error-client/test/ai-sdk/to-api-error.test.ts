import { APICallError, RetryError } from "ai";
import { describe, expect, it } from "vitest";
import { toApiError } from "../../src/ai-sdk/index.js";
import { ApiError } from "../../src/index.js";

const envelope = { error: { message: "Invalid channel key", type: "upstream_error", code: "channel:invalid_key" } };
const providerError = new APICallError({
  message: "Invalid channel key",
  url: "http://127.0.0.1:1/v1/chat/completions",
  requestBodyValues: {},
  statusCode: 502,
  responseHeaders: { "x-request-id": "req_7", "x-should-retry": "false" },
  responseBody: JSON.stringify(envelope),
  data: envelope,
});

describe("toApiError", () => {
  it("reads a provider's APICallError (status, headers, body), also inside a RetryError", () => {
    const expected = { code: "channel:invalid_key", status: 502, requestId: "req_7", shouldRetry: false };
    expect(toApiError(providerError)).toMatchObject(expected);
    const retried = new RetryError({ message: "failed", reason: "maxRetriesExceeded", errors: [providerError] });
    expect(toApiError(retried)).toMatchObject(expected);
  });

  it("reads the body text when the provider's schema gave no data", () => {
    const noData = new APICallError({ ...providerError, message: "Bad Gateway", data: undefined });
    expect(toApiError(noData)).toMatchObject({ code: "channel:invalid_key", detail: "Invalid channel key" });
  });

  it("reads an error part's object and returns an ApiError as it is", () => {
    expect(toApiError({ message: "Upstream timeout", code: "channel:response_time_exceeded" })).toMatchObject({
      code: "channel:response_time_exceeded",
    });
    const apiError = new ApiError({ detail: "x" });
    expect(toApiError(apiError)).toBe(apiError);
  });

  it("reads a raw error event (rawValue of a raw part) of either dialect; any other raw chunk is null", () => {
    const anthropicEvent = {
      type: "error",
      error: { type: "api_error", message: "Invalid channel key", details: { error_code: "channel:invalid_key" } },
      request_id: "req_9",
    };
    const expected = { code: "channel:invalid_key", requestId: "req_9", detail: "Invalid channel key" };
    expect(toApiError(anthropicEvent)).toMatchObject(expected);
    expect(toApiError({ error: { ...envelope.error, request_id: "req_9" }, retryable: false })).toMatchObject(expected);
    const textChunks = [
      { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hel" } },
      { id: "c1", choices: [{ index: 0, delta: { content: "Hel" } }] },
      { type: "error", error: "not an object" },
    ];
    for (const chunk of textChunks) expect(toApiError(chunk)).toBeNull();
  });

  it("reads ai 7's StreamProviderError (a stream's error part): the provider's payload in data, else its own members", () => {
    // ai 7 is not a dependency of this package; the marker is what AISDKError.hasMarker tests
    // (tools/sdk-e2e runs the real ai 7 and asserts the code of its stream parts).
    const streamError = (members: Record<string, unknown>) =>
      Object.assign(new Error(String(members["message"])), members, {
        name: "AI_StreamProviderError",
        [Symbol.for("vercel.ai.error.AI_StreamProviderError")]: true,
      });
    const data = { message: "Invalid channel key", type: "upstream_error", code: "channel:invalid_key" };
    expect(toApiError(streamError({ message: "Invalid channel key", data }))).toMatchObject({
      code: "channel:invalid_key",
      detail: "Invalid channel key",
    });
    expect(toApiError(streamError({ message: "x", data: { error: data } }))).toMatchObject({
      code: "channel:invalid_key",
    });
    expect(
      toApiError(streamError({ message: "Upstream timeout", code: "channel:response_time_exceeded" })),
    ).toMatchObject({ code: "channel:response_time_exceeded", detail: "Upstream timeout" });
  });

  it("null for anything else, never a throw or a hang: plain errors, values, a RetryError cycle, a hostile proxy", () => {
    const cycle = new RetryError({ message: "loop", reason: "maxRetriesExceeded", errors: [] });
    Object.defineProperty(cycle, "lastError", { get: () => cycle });
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
        has: () => {
          throw new Error("boom");
        },
      },
    );
    for (const value of [new Error("x"), undefined, null, 42, "text", {}, cycle, hostile])
      expect(toApiError(value)).toBeNull();
  });
});
