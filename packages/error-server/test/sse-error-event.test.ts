import { ERROR_CATALOG, ERROR_CODES } from "@org/error-types";
import { validateErrorEnvelope } from "@org/error-validator";
import { describe, expect, it, vi } from "vitest";
import { createError, sseErrorEvent, toErrorResponse } from "../src/index.js";

/** The fields of one event text, as an EventSource parser reads them. */
function fields(text: string): { event: string | undefined; data: unknown; lines: string[] } {
  expect(text.endsWith("\n\n"), "an event ends with a blank line").toBe(true);
  const lines = text.slice(0, -2).split("\n");
  const value = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
  return { event: value("event"), data: JSON.parse(value("data") ?? "null") as unknown, lines };
}

describe("sseErrorEvent", () => {
  it.each(ERROR_CODES)(
    "%s: OpenAI form carries the same error object as toErrorResponse, and the catalog's retryability",
    (code) => {
      const options = { requestId: "req-1" };
      const { event, data, lines } = fields(sseErrorEvent(createError(code), options));
      expect(event).toBeUndefined();
      expect(lines).toHaveLength(1);
      expect(data).toEqual({
        error: toErrorResponse(createError(code), options).body.error,
        retryable: ERROR_CATALOG[code].retryable,
      });
      expect(data).toMatchObject({ error: { code, request_id: "req-1", doc_url: ERROR_CATALOG[code].docUrl } });
      // The envelope inside is a strict contract body once the stand-in flag is set aside.
      const { retryable: _, ...envelope } = data as { retryable: boolean };
      expect(validateErrorEnvelope(envelope, { mode: "strict" }).ok).toBe(true);
    },
  );

  it.each([{ dialect: "anthropic" as const }, { format: "anthropic" as const }])(
    "Anthropic form (%j; format is the deprecated name): `event: error` with the dialect's body",
    (options) => {
      const { event, data, lines } = fields(
        sseErrorEvent(createError("get_channel_failed"), { ...options, requestId: "r" }),
      );
      expect(event).toBe("error");
      expect(lines).toHaveLength(2);
      expect(data).toEqual({
        ...toErrorResponse(createError("get_channel_failed"), { requestId: "r", dialect: "anthropic" }).body,
        retryable: true,
      });
      expect(data).toMatchObject({ type: "error", error: { details: { error_code: "get_channel_failed" } } });
    },
  );

  it("dialect and the deprecated format must agree: a TypeError when they do not", () => {
    expect(() => sseErrorEvent(createError("invalid_request"), { dialect: "gemini", format: "anthropic" })).toThrow(
      /dialect "gemini" and format "anthropic" disagree/,
    );
    expect(() =>
      sseErrorEvent(createError("invalid_request"), { dialect: "anthropic", format: "anthropic" }),
    ).not.toThrow();
  });

  it.each([
    { name: "429 without a code", error: () => createError(429, "Slow down"), retryable: true },
    { name: "an unexpected error (generic 500)", error: () => new Error("db at 10.0.0.7 down"), retryable: true },
    { name: "404 without a code", error: () => createError(404, "No route"), retryable: false },
    { name: "501 without a code", error: () => createError(501, "Not implemented"), retryable: false },
  ])("code-less errors: retryable by the contract's status rule ($name)", ({ error, retryable }) => {
    const { data } = fields(sseErrorEvent(error(), { onError: () => undefined }));
    expect(data).toMatchObject({ error: { code: null }, retryable });
    expect(JSON.stringify(data)).not.toContain("10.0.0.7");
  });

  it("a message with newlines, CR and an SSE field cannot split the event or inject one", () => {
    const text = sseErrorEvent(createError("invalid_request", 'bad\r\n\ndata: {"injected":1}\revent: x\u2028'));
    const { event, data, lines } = fields(text);
    expect(event).toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(text.slice(0, -2)).not.toMatch(/[\r\n]/);
    expect((data as { error: { message: string } }).error.message).toContain('data: {"injected":1}');
  });

  it("no request id: no request_id member; onError hears of the error once", () => {
    const onError = vi.fn();
    const { data } = fields(sseErrorEvent(createError("model_not_found"), { onError }));
    expect((data as { error: object }).error).not.toHaveProperty("request_id");
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it.each(["OpenAI", "", null, 1, "sse"])("an unknown format (%j) is a TypeError, thrown at once", (format) => {
    expect(() => sseErrorEvent(createError("invalid_request"), { format: format as never })).toThrow(TypeError);
  });

  it.each(["Anthropic", "claude", "", null, 1, () => "openai"])(
    "an unknown dialect (%j) is a TypeError naming the accepted values, thrown at once",
    (dialect) => {
      expect(() => sseErrorEvent(createError("invalid_request"), { dialect: dialect as never })).toThrow(
        /option dialect must be one of "openai", "anthropic", "gemini"/,
      );
    },
  );
});
