/**
 * The per-route `dialect` function is a hook and fails closed: a throw, a rejection, a
 * promise, or a value that is no dialect gives the default dialect's answer (the envelope),
 * logged once, never a crash, an unhandled rejection or a changed status.
 */
import { validateErrorEnvelope } from "@org/error-validator";
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from "vitest";
import { withErrorHandling } from "../src/adapters/fetch/index.js";
import { resetHookReports } from "../src/core/hooks.js";
import { createError } from "../src/index.js";

const BROKEN: ReadonlyArray<[string, () => unknown]> = [
  [
    "throws",
    () => {
      throw new Error("router down: password=hunter2");
    },
  ],
  ["rejects", () => Promise.reject(new Error("router down: password=hunter2"))],
  ["answers late (a promise)", () => Promise.resolve("anthropic")],
  ["answers a misspelt dialect", () => "Anthropic"],
  ["answers undefined", () => undefined],
  ["answers an object", () => ({ dialect: "anthropic" })],
];

describe("the dialect function fails closed to the default dialect", () => {
  let consoleError: MockInstance;
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown): void => void rejections.push(reason);
  beforeAll(() => {
    consoleError = vi.spyOn(console, "error").mockImplementation(() => undefined);
    process.on("unhandledRejection", onRejection);
  });
  afterEach(() => {
    consoleError.mockClear();
    resetHookReports();
  });
  afterAll(() => {
    consoleError.mockRestore();
    process.off("unhandledRejection", onRejection);
  });

  it.each(BROKEN)("a dialect function that %s: the envelope, the same status, logged once", async (_name, hook) => {
    const handler = withErrorHandling(
      () => {
        throw createError("model_not_found", "no such model");
      },
      { dialect: hook as () => "anthropic", onError: () => undefined },
    );
    for (let i = 0; i < 2; i++) {
      const response = await handler(
        new Request("http://127.0.0.1/v1/messages", { headers: { "x-request-id": "r1" } }),
      );
      expect(response.status).toBe(404);
      expect(response.headers.get("request-id")).toBeNull();
      const body: unknown = await response.json();
      expect(validateErrorEnvelope(body, { mode: "strict" }).ok).toBe(true);
      expect(body).toMatchObject({ error: { code: "model_not_found", request_id: "r1" } });
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(rejections).toEqual([]);
    const lines = consoleError.mock.calls.filter((call) => String(call[0]).includes("the dialect hook failed"));
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(consoleError.mock.calls)).not.toContain("hunter2");
  });

  it("a dialect function that answers a dialect is followed per request", async () => {
    const handler = withErrorHandling(
      () => {
        throw createError("model_not_found");
      },
      { dialect: (request) => (new URL(request.url).pathname.startsWith("/v1/messages") ? "anthropic" : "openai") },
    );
    const messages = await handler(new Request("http://127.0.0.1/v1/messages", { headers: { "x-request-id": "r2" } }));
    expect(messages.headers.get("request-id")).toBe("r2");
    expect(await messages.json()).toMatchObject({
      type: "error",
      error: { type: "not_found_error" },
      request_id: "r2",
    });
    const chat = await handler(new Request("http://127.0.0.1/v1/chat/completions"));
    expect(await chat.json()).toMatchObject({ error: { type: "not_found_error", code: "model_not_found" } });
    expect(consoleError).not.toHaveBeenCalled();
  });
});
