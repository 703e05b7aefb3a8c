import { createOpenAI } from "@ai-sdk/openai";
import { createError, toFetchResponse } from "@org/error-server";
import { generateText } from "ai";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CASES, type Gateway, startGateway } from "./gateway.js";
import { generateError, lastCallError, WITHOUT_INTEGRATION } from "./providers.js";

// What the README says the AI SDK does on its own, measured: it decides by the status alone
// (APICallError's default: 408, 409, 429 and every status >= 500) and never reads
// `x-should-retry`, so it retries the catalog's never-retry 5xx codes.
let gateway: Gateway;
beforeAll(async () => {
  gateway = await startGateway();
});
afterAll(async () => {
  await gateway.close();
});

const byStatusAlone = (status: number): boolean => [408, 409, 429].includes(status) || status >= 500;

describe.each(WITHOUT_INTEGRATION)("$name without the integration", (provider) => {
  it("retries by the status alone: the 4 never-retry 5xx codes are retried, 3 requests each", async () => {
    const requests = new Map<string, number>();
    for (const c of CASES) {
      const error = await generateError(provider.model(gateway.base("plain", provider.dialect, c.name, provider.name)));
      expect(lastCallError(error).isRetryable, c.name).toBe(byStatusAlone(c.status));
      requests.set(c.name, gateway.seen("plain", provider.dialect, c.name, provider.name).requests);
    }
    const overRetried = CASES.filter((c) => requests.get(c.name) !== (c.retryable ? 3 : 1));
    expect(overRetried.map((c) => `${c.name} ${c.status}: ${requests.get(c.name)} requests`)).toEqual([
      "channel:invalid_key 502: 3 requests",
      "channel:model_mapped_error 500: 3 requests",
      "model_price_error 500: 3 requests",
      "count_token_failed 500: 3 requests",
    ]);
  });
});

describe("the AI SDK's own backoff (fake clock, no real wait)", () => {
  // A Retry-After does not stop it either: it only sets the wait (the contract allows the
  // header on 429 and 503 only; it is added here by hand to show what it would do).
  it.each([
    ["without Retry-After", undefined, [0, 2000, 6000]],
    ["with Retry-After: 1", "1", [0, 1000, 2000]],
  ])("a 502 channel:invalid_key %s is sent 3 times, at %s ms", async (_what, retryAfter, expected) => {
    vi.useFakeTimers();
    try {
      const start = Date.now();
      const sentAt: number[] = [];
      // A fetch that answers at once (no I/O), so only the SDK's own timers move the clock.
      const fetch = (): Promise<Response> => {
        sentAt.push(Date.now() - start);
        const response = toFetchResponse(createError("channel:invalid_key"), { requestId: "req_1" });
        if (retryAfter !== undefined) response.headers.set("retry-after", retryAfter);
        return Promise.resolve(response);
      };
      const model = createOpenAI({ baseURL: "http://gateway.invalid/v1", apiKey: "sk-test", fetch }).chat("gpt-4o");
      // Set by the callback below (the type checker cannot see that).
      let settled = false as boolean;
      const call = generateText({ model, prompt: "hi" }).finally(() => (settled = true));
      call.catch(() => undefined);
      while (!settled) await vi.advanceTimersToNextTimerAsync();
      expect(sentAt).toEqual(expected);
    } finally {
      vi.useRealTimers();
    }
  });
});
