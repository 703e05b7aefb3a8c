import { describe, expect, it } from "vitest";
import { codesForHttpStatus, codeToHttpStatus, isErrorCode } from "../src/index.js";

describe("isErrorCode", () => {
  it.each([
    { given: "invalid_request", want: true },
    { given: "channel:invalid_key", want: true },
    { given: "update_data_error", want: true },
    { given: "invalid_key", want: false },
    { given: "CHANNEL:INVALID_KEY", want: false },
    { given: " model_not_found", want: false },
    { given: "", want: false },
    { given: "__proto__", want: false },
    { given: "toString", want: false },
    { given: "constructor", want: false },
    { given: 404, want: false },
    { given: null, want: false },
    { given: undefined, want: false },
    { given: { code: "invalid_request" }, want: false },
  ])("$given -> $want", ({ given, want }) => {
    expect(isErrorCode(given)).toBe(want);
  });
});

describe("codeToHttpStatus / codesForHttpStatus", () => {
  it.each([
    { given: "model_not_found", want: 404 },
    { given: "channel:response_time_exceeded", want: 504 },
    { given: "sensitive_words_detected", want: 400 },
  ] as const)("codeToHttpStatus($given) -> $want", ({ given, want }) => {
    expect(codeToHttpStatus(given)).toBe(want);
  });

  it.each([
    { given: 404, want: ["model_not_found"] },
    { given: 503, want: ["get_channel_failed", "channel:no_available_key"] },
    { given: 401, want: [] },
  ])("codesForHttpStatus($given) -> $want", ({ given, want }) => {
    expect(codesForHttpStatus(given)).toEqual(want);
  });

  it("every code maps back to itself", () => {
    for (const status of [400, 403, 404, 500, 502, 503, 504]) {
      for (const code of codesForHttpStatus(status)) expect(codeToHttpStatus(code)).toBe(status);
    }
  });
});
