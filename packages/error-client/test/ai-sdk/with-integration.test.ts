import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toApiError } from "../../src/ai-sdk/index.js";
import { CASES, type Dialect, type Gateway, startGateway } from "./gateway.js";
import { generateError, lastCallError, streamError, WITH_INTEGRATION } from "./providers.js";

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(async () => {
  await gateway.close();
});

/** The contract code where the body (or event) of each dialect carries it, on `data`. */
function codeOnData(data: unknown, dialect: Dialect): unknown {
  const error = (data as { error?: { code?: unknown; details?: { error_code?: unknown } } } | undefined)?.error;
  return dialect === "anthropic" ? (error?.details?.error_code ?? null) : error?.code;
}

describe.each(WITH_INTEGRATION)("$name", (provider) => {
  it.each(CASES)(
    "an error response $name: code and request id reachable, requests as the catalog allows",
    async (c) => {
      const error = await generateError(provider.model(gateway.base("plain", provider.dialect, c.name, provider.name)));
      const { requests, lastRequestId } = gateway.seen("plain", provider.dialect, c.name, provider.name);
      expect(requests).toBe(c.retryable ? 3 : 1);
      const last = lastCallError(error);
      expect(last.isRetryable).toBe(c.retryable);
      expect(last.statusCode).toBe(c.status);
      expect(codeOnData(last.data, provider.dialect)).toBe(c.code);
      expect(last.responseHeaders?.["x-request-id"]).toBe(lastRequestId);
      const apiError = toApiError(error);
      expect(apiError).toMatchObject({ code: c.code, status: c.status, requestId: lastRequestId });
      // The contract's message, as the server wrote it.
      expect(last.message).toBe(c.error().message);
    },
  );
});

describe.each(WITH_INTEGRATION.filter((p) => p.name.includes("createContractFetch")))(
  "$name, streaming",
  (provider) => {
    it.each(CASES)("an error event first in a 200 stream, $name: retried as the catalog allows", async (c) => {
      const { error, text } = await streamError(
        provider.model(gateway.base("stream", provider.dialect, c.name, provider.name)),
      );
      const { requests, lastRequestId } = gateway.seen("stream", provider.dialect, c.name, provider.name);
      expect(text).toBe("");
      expect(requests).toBe(c.retryable ? 3 : 1);
      const last = lastCallError(error);
      expect(last.isRetryable).toBe(c.retryable);
      // The stream's 200 says nothing: a code's catalog status stands in, none without a code.
      expect(last.statusCode).toBe(c.code === null ? undefined : c.status);
      expect(codeOnData(last.data, provider.dialect)).toBe(c.code);
      expect(last.responseHeaders?.["x-request-id"]).toBe(lastRequestId);
      expect(toApiError(error)).toMatchObject({ code: c.code, requestId: lastRequestId });
    });
  },
);
