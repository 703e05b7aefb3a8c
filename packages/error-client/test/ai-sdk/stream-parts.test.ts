import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toApiError } from "../../src/ai-sdk/index.js";
import { CASES, type Gateway, startGateway } from "./gateway.js";
import { streamError, WITH_INTEGRATION } from "./providers.js";

// What stays the SDK's own: an error event after the stream started is an error part of
// streamText (it never throws, and it is never retried: text was already streamed).
let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(async () => {
  await gateway.close();
});

const providerNamed = (name: string) => {
  const found = WITH_INTEGRATION.find((p) => p.name === name);
  if (found === undefined) throw new Error(`no provider ${name}`);
  return found;
};
const retryable = CASES.find((c) => c.name === "do_request_failed");
const never = CASES.find((c) => c.name === "channel:invalid_key");

describe("error events the SDK reports as parts", () => {
  it.each([retryable, never])(
    "openai-compatible + contractErrorStructure alone: a first error event ($name) is a part, one request, code and request id on it",
    async (c) => {
      if (c === undefined) throw new Error("case missing");
      const provider = providerNamed("openai-compatible + contractErrorStructure");
      const { error, text } = await streamError(
        provider.model(gateway.base("stream", "openai", c.name, provider.name)),
      );
      const { requests, lastRequestId } = gateway.seen("stream", "openai", c.name, provider.name);
      expect([text, requests]).toEqual(["", 1]);
      // The part holds the event's `error` object as the loose schema kept it: every member.
      expect(error).toMatchObject({ code: c.code, request_id: lastRequestId, message: c.error().message });
      expect(toApiError(error)).toMatchObject({ code: c.code, requestId: lastRequestId });
    },
  );

  it.each(["openai + createContractFetch", "anthropic + createContractFetch"])(
    "%s: an error event after text is a part; the text stays, one request",
    async (name) => {
      const provider = providerNamed(name);
      const c = retryable;
      if (c === undefined) throw new Error("case missing");
      const { error, text } = await streamError(provider.model(gateway.base("mid", provider.dialect, c.name, name)));
      const { requests } = gateway.seen("mid", provider.dialect, c.name, name);
      expect([text, requests]).toEqual(["Hel", 1]);
      expect(error).toMatchObject({ message: c.error().message });
      // What the provider's own schema keeps of the event: openai's keeps the code,
      // anthropic's only `type` and `message` (the request id is on the response headers).
      expect(toApiError(error)?.code).toBe(provider.dialect === "openai" ? c.code : null);
    },
  );

  // Every case after text, through each provider with the fetch wrapper: the part stays the
  // SDK's (one request, the text kept); the code and request id are reachable from the part
  // where the provider's schema keeps them, and from the raw error event on every provider.
  describe.each(WITH_INTEGRATION.filter((p) => p.name.includes("createContractFetch")))("$name", (provider) => {
    it.each(CASES)("an error event after text, $name: code and request id reachable", async (c) => {
      const route = ["mid", provider.dialect, c.name, `${provider.name} raw`] as const;
      const { error, text, raw } = await streamError(provider.model(gateway.base(...route)), true);
      const { requests, lastRequestId } = gateway.seen(...route);
      expect([text, requests]).toEqual(["Hel", 1]);
      expect(error).toMatchObject({ message: c.error().message });
      expect(toApiError(raw)).toMatchObject({ code: c.code, requestId: lastRequestId, detail: c.error().message });
      expect(toApiError(error)?.code).toBe(provider.dialect === "openai" ? c.code : null);
    });
  });
});
