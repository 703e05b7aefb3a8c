import { describe, expect, it } from "vitest";
import { contractErrorStructure } from "../../src/ai-sdk/index.js";

const body = {
  error: { message: "Invalid channel key", type: "upstream_error", code: "channel:invalid_key", request_id: "req_1" },
  retryable: false,
};

describe("contractErrorStructure", () => {
  it("its schema keeps every member of an envelope (code, request_id, the event's retryable) and rejects other bodies", () => {
    expect(contractErrorStructure.errorSchema.safeParse(body)).toEqual({ success: true, data: body });
    for (const other of [{ message: "x" }, { error: "Not Found" }, { error: { code: "x" } }, "text", null])
      expect(contractErrorStructure.errorSchema.safeParse(other).success, JSON.stringify(other)).toBe(false);
  });

  it("errorToMessage is the contract's message", () => {
    expect(contractErrorStructure.errorToMessage(body)).toBe("Invalid channel key");
  });

  it("isRetryable: x-should-retry first, then the body's catalog code, then the status", () => {
    const { isRetryable } = contractErrorStructure;
    const status = (s: number, headers: Record<string, string> = {}) => new Response(null, { status: s, headers });
    // No header: the code decides (a never-retry 502), and without a body the status does.
    expect(isRetryable(status(502), body)).toBe(false);
    expect(isRetryable(status(502))).toBe(true);
    expect(isRetryable(status(400))).toBe(false);
    // The header wins over the code.
    expect(isRetryable(status(502, { "x-should-retry": "true" }), body)).toBe(true);
    // A code header (a body the schema did not take) decides too.
    expect(isRetryable(status(500, { "x-error-code": "model_price_error" }))).toBe(false);
  });
});
