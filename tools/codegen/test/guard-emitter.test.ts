import { describe, expect, it } from "vitest";
import { emitGuard } from "../src/targets/guard-emitter.js";
import { CODE_POINTS_HELPER } from "../src/targets/string-checks.js";

/** Compiles an emitted guard in this process (tests only: the package never evaluates code). */
function compile(view: Record<string, unknown>): (data: unknown) => boolean {
  const source = emitGuard("g", view as never).replace(/^export /m, "");
  return new Function(`${CODE_POINTS_HELPER}${source}\nreturn g;`)() as (data: unknown) => boolean;
}

const VIEW = {
  type: "object",
  required: ["error"],
  additionalProperties: false,
  properties: {
    error: {
      type: "object",
      required: ["message", "code"],
      additionalProperties: false,
      properties: {
        message: { type: "string", maxLength: 5 },
        code: { enum: ["a:b", 'c"d', null] },
        count: { type: ["number", "null"] },
      },
    },
  },
};

describe("emitGuard", () => {
  const guard = compile(VIEW);

  it.each([
    { given: { error: { message: "hi", code: "a:b" } }, want: true },
    { given: { error: { message: "hi", code: 'c"d', count: 3 } }, want: true },
    { given: { error: { message: "hi", code: null, count: null } }, want: true },
    { given: { error: { message: "hello!", code: null } }, want: false },
    { given: { error: { message: "hi", code: "a" } }, want: false },
    { given: { error: { message: "hi" } }, want: false },
    { given: { error: { message: "hi", code: null, count: Number.POSITIVE_INFINITY } }, want: false },
    { given: { error: { message: "hi", code: null, other: 1 } }, want: false },
    { given: { error: { message: "hi", code: null }, other: 1 }, want: false },
    { given: { error: [] }, want: false },
    { given: [], want: false },
    { given: null, want: false },
    { given: "x", want: false },
  ])("$given -> $want", ({ given, want }) => {
    expect(guard(given)).toBe(want);
  });

  it("emits enums as pure module-level Sets and no error bookkeeping", () => {
    const source = emitGuard("g", VIEW as never);
    expect(source).toContain('const gValues0 = /* @__PURE__ */ new Set(["a:b","c\\"d",null]);');
    expect(source).not.toMatch(/errors|instancePath/);
  });

  it.each([
    { name: "a keyword it does not know", view: { type: "string", format: "uri" } },
    { name: "an enum of objects", view: { enum: [{ a: 1 }] } },
    { name: "an unsupported type", view: { type: "integer" } },
    { name: "additionalProperties as a schema", view: { type: "object", additionalProperties: { type: "string" } } },
  ])("refuses $name rather than ignoring it", ({ view }) => {
    expect(() => emitGuard("g", view as never)).toThrow(/guard emitter/);
  });
});
