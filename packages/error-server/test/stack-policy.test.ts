import { afterEach, describe, expect, it } from "vitest";
import { createError, getStackTracePolicy, setStackTracePolicy, toErrorResponse } from "../src/index.js";

const initial = getStackTracePolicy();
afterEach(() => setStackTracePolicy(initial));

const frames = (error: Error): number =>
  (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")).length;

describe("stack-trace policy", () => {
  it('is "always" outside production (NODE_ENV=test here)', () => {
    expect(initial).toBe("always");
    expect(frames(createError("model_not_found"))).toBeGreaterThan(0);
  });

  it('"5xx": 4xx ContractErrors capture no stack, 5xx ones do', () => {
    setStackTracePolicy("5xx");
    expect(frames(createError("model_not_found"))).toBe(0);
    expect(frames(createError(429))).toBe(0);
    expect(frames(createError("bad_response"))).toBeGreaterThan(0);
    expect(frames(createError(500))).toBeGreaterThan(0);
    // The response is the same with or without a stack.
    expect(toErrorResponse(createError("model_not_found")).body.error.code).toBe("model_not_found");
  });

  it("leaves Error.stackTraceLimit as it found it, for every other error", () => {
    setStackTracePolicy("5xx");
    const before = Error.stackTraceLimit;
    createError("model_not_found");
    expect(Error.stackTraceLimit).toBe(before);
    expect(frames(new Error("unexpected"))).toBeGreaterThan(0);
    expect(() => createError("model_not_found", 5 as never)).toThrow(TypeError);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it("rejects an unknown policy", () => {
    expect(() => setStackTracePolicy("never" as never)).toThrow(/expected "always" or "5xx", got "never"/);
  });
});
