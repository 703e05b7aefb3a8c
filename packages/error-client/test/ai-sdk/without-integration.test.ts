import { generateText } from "ai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CASES, type Gateway, startGateway } from "./gateway.js";
import { lastCallError, WITHOUT_INTEGRATION } from "./providers.js";

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
      const error = await generateText({
        model: provider.model(gateway.base("plain", provider.dialect, c.name, provider.name)),
        prompt: "hi",
      }).then(
        () => expect.fail("the call succeeded"),
        (e: unknown) => e,
      );
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
