import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { errorHandler } from "../src/adapters/express/index.js";
import { withErrorHandling } from "../src/adapters/node/index.js";
import { createError } from "../src/index.js";
import type { Running } from "./helpers/http.js";
import { ADAPTERS, serveAdapter } from "./helpers/servers.js";

const fail = { headers: {}, fail: () => createError("model_not_found") };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe.each(ADAPTERS)("%s: request ids", (adapter) => {
  let named: Running;
  let generating: Running;
  let plain: Running;
  beforeAll(async () => {
    named = await serveAdapter(adapter, () => fail, {
      requestIdHeader: ["x-request-id", "X-Oneapi-Request-Id"],
      onError: () => undefined,
    });
    generating = await serveAdapter(adapter, () => fail, { generateRequestId: true, onError: () => undefined });
    plain = await serveAdapter(adapter, () => fail, { onError: () => undefined });
  });
  afterAll(async () => {
    await Promise.all([named.close(), generating.close(), plain.close()]);
  });

  it("echoes x-request-id by default", async () => {
    const response = await fetch(`${plain.url}/x`, { headers: { "x-request-id": "req-1" } });
    expect(response.headers.get("x-request-id")).toBe("req-1");
  });

  it("reads the configured headers in order and echoes under the first name", async () => {
    const oneapi = await fetch(`${named.url}/x`, { headers: { "X-Oneapi-Request-Id": "oneapi-7" } });
    expect(oneapi.headers.get("x-request-id")).toBe("oneapi-7");
    const both = await fetch(`${named.url}/x`, {
      headers: { "X-Oneapi-Request-Id": "oneapi-7", "x-request-id": "first" },
    });
    expect(both.headers.get("x-request-id")).toBe("first");
  });

  it("generates a UUID when the request has none, and keeps the incoming one", async () => {
    const a = (await fetch(`${generating.url}/x`)).headers.get("x-request-id");
    const b = (await fetch(`${generating.url}/x`)).headers.get("x-request-id");
    expect(a).toMatch(UUID);
    expect(b).toMatch(UUID);
    expect(a).not.toBe(b);
    expect(
      (await fetch(`${generating.url}/x`, { headers: { "x-request-id": "mine" } })).headers.get("x-request-id"),
    ).toBe("mine");
  });

  it("does not echo a hostile id, and generates one instead when asked", async () => {
    const long = "x".repeat(201);
    expect(
      (await fetch(`${plain.url}/x`, { headers: { "x-request-id": long } })).headers.get("x-request-id"),
    ).toBeNull();
    expect(
      (await fetch(`${generating.url}/x`, { headers: { "x-request-id": long } })).headers.get("x-request-id"),
    ).toMatch(UUID);
  });
});

describe("request-id options are checked when the handler is made", () => {
  afterEach(() => vi.restoreAllMocks());
  it.each([
    {
      options: { requestIdHeader: "bad name" },
      want: /requestIdHeader must be a header name or a non-empty array of header names, got "bad name"/,
    },
    { options: { requestIdHeader: [] }, want: /requestIdHeader must be a header name or a non-empty array/ },
    { options: { generateRequestId: "yes" }, want: /generateRequestId must be true, false or a function/ },
    { options: { getRequestId: 5 }, want: /getRequestId must be a function/ },
  ])("$want", ({ options, want }) => {
    expect(() => withErrorHandling(() => undefined, options as never)).toThrow(want);
    expect(() => errorHandler(options as never)).toThrow(TypeError);
  });

  it("a generator that throws or returns junk means no id, not a crash", async () => {
    for (const generateRequestId of [
      () => {
        throw new Error("x");
      },
      () => "bad\nid",
    ]) {
      const server = await serveAdapter("node", () => fail, { generateRequestId, onError: () => undefined });
      const response = await fetch(`${server.url}/x`);
      expect(response.status).toBe(404);
      expect(response.headers.get("x-request-id")).toBeNull();
      await server.close();
    }
  });
});
