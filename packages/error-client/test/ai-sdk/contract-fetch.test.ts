import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { APICallError } from "ai";
import { describe, expect, it } from "vitest";
import { ContractCallError, createContractFetch } from "../../src/ai-sdk/index.js";
import { isApiError } from "../../src/index.js";

const respond = (response: Response) => () => Promise.resolve(response);
const URL_ = "http://127.0.0.1:1/v1/chat/completions";

describe("createContractFetch: options fail closed", () => {
  it.each([
    ["a string", "x", /options must be an object/],
    ["an unknown option", { retries: 2 }, /unknown option "retries" \(accepted: fetch, retry\)/],
    ["a fetch that is no function", { fetch: 1 }, /fetch must be a function/],
    [
      "a waiting option of the SDK's",
      { retry: { maxRetries: 2 } },
      /unknown option "maxRetries" \(accepted: respectShouldRetry, retryableCodes, retryStatuses\)/,
    ],
    ["a code outside the catalog", { retry: { retryableCodes: ["nope"] } }, /catalog codes/],
    ["a status that is none", { retry: { retryStatuses: [42] } }, /HTTP statuses/],
    ["respectShouldRetry not boolean", { retry: { respectShouldRetry: "yes" } }, /boolean/],
  ])("%s is a TypeError at setup", (_what, options, message) => {
    expect(() => createContractFetch(options as never)).toThrow(TypeError);
    expect(() => createContractFetch(options as never)).toThrow(message);
  });
});

describe("createContractFetch: what passes through", () => {
  it("what the fetch throws (network errors, aborts, anything) is thrown unchanged: the SDK decides", async () => {
    for (const thrown of [new TypeError("fetch failed"), new DOMException("stop", "AbortError"), "a string"]) {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- a fetch that rejects with a non-Error must pass through too
      const wrapped = createContractFetch({ fetch: () => Promise.reject(thrown) });
      await expect(wrapped(URL_)).rejects.toBe(thrown);
    }
  });

  it("a fetch that throws at once is a rejection, unchanged; one that resolves with no Response is a TypeError", async () => {
    const thrown = new TypeError("fetch failed");
    const sync = createContractFetch({
      fetch: () => {
        throw thrown;
      },
    });
    await expect(sync(URL_)).rejects.toBe(thrown);
    const broken = createContractFetch({ fetch: () => Promise.resolve(undefined as unknown as Response) });
    await expect(broken(URL_)).rejects.toThrow(
      new TypeError("@org/error-client/ai-sdk: the wrapped fetch resolved with undefined, not a Response"),
    );
  });

  it("a success that is no event stream is the same Response, unread", async () => {
    const ok = new Response('{"id":"c1"}', { headers: { "content-type": "application/json" } });
    const out = await createContractFetch({ fetch: respond(ok) })(URL_);
    expect(out).toBe(ok);
    expect(out.bodyUsed).toBe(false);
  });

  it("an event stream without any event is handed on, empty", async () => {
    const sse = new Response(": keep-alive\n\n", { headers: { "content-type": "text/event-stream" } });
    const out = await createContractFetch({ fetch: respond(sse) })(URL_);
    expect(await out.text()).toBe(": keep-alive\n\n");
  });
});

describe("createContractFetch: error responses", () => {
  it("a proxy's HTML 502: an APICallError, retryable by the status, the page's title as message, no data", async () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    const page = new Response(html, { status: 502, headers: { "content-type": "text/html", "x-request-id": "r1" } });
    const error = await createContractFetch({ fetch: respond(page) })(URL_, {
      method: "POST",
      body: '{"model":"m"}',
    }).then(
      () => expect.fail("resolved"),
      (e: unknown) => e,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(ContractCallError);
    expect(error).toMatchObject({
      name: "AI_APICallError",
      message: "502 Bad Gateway",
      statusCode: 502,
      isRetryable: true,
      data: undefined,
      url: URL_,
      requestBodyValues: { model: "m" },
      responseBody: html,
      responseHeaders: { "content-type": "text/html", "x-request-id": "r1" },
    });
    const cause = (error as ContractCallError).cause;
    expect(isApiError(cause) && cause.requestId).toBe("r1");
  });

  it("the retry option changes the decision: x-should-retry ignored, no code retried", async () => {
    const body = JSON.stringify({
      error: { message: "No channel", type: "upstream_error", code: "get_channel_failed" },
    });
    const answer = () => new Response(body, { status: 503, headers: { "x-should-retry": "true" } });
    const strict = createContractFetch({
      fetch: () => Promise.resolve(answer()),
      retry: { respectShouldRetry: false, retryableCodes: [] },
    });
    await expect(strict(URL_)).rejects.toMatchObject({ isRetryable: false, data: JSON.parse(body) as unknown });
    await expect(createContractFetch({ fetch: () => Promise.resolve(answer()) })(URL_)).rejects.toMatchObject({
      isRetryable: true,
    });
  });

  it("an abort while waiting for the first event rejects with the abort, not an APICallError", async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(": waiting\n\n");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const controller = new AbortController();
      const call = createContractFetch()(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, {
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 20);
      const error = await call.then(
        () => expect.fail("resolved"),
        (e: unknown) => e,
      );
      expect((error as Error).name).toBe("AbortError");
      expect(APICallError.isInstance(error)).toBe(false);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
