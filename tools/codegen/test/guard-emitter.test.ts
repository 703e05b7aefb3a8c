import { describe, expect, it } from "vitest";
import { emitGuard, GUARD_HELPERS } from "../src/targets/guard-emitter.js";

/** Compiles an emitted guard in this process (tests only: the package never evaluates code). */
function compile(view: Record<string, unknown>): (data: unknown) => boolean {
  const source = emitGuard("g", view as never).replace(/^export /m, "");
  return new Function(`${GUARD_HELPERS}${source}\nreturn g;`)() as (data: unknown) => boolean;
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

/** An open view (no additionalProperties: false), as the lenient envelope is. */
const OPEN = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["message"],
      properties: {
        message: { type: "string", maxLength: 3 },
        count: { type: ["number", "null"] },
        // Computed: `__proto__: x` in a literal would set the prototype, not a member.
        ["__proto__"]: { type: "string" },
        extra: { type: ["object", "null"], additionalProperties: true },
        spare: { type: ["number", "null"] },
      },
    },
  },
};

describe("emitGuard on an open object: members read by name, own enumerable ones only", () => {
  const guard = compile(OPEN);
  const inherited = Object.create({ message: "hi" }) as object;
  const hidden = Object.defineProperty({}, "message", { value: "hi", enumerable: false });

  it.each([
    {
      name: "a valid value with members the view does not name",
      given: { error: { message: "hi", other: [1] } },
      want: true,
    },
    { name: "an optional member present and valid", given: { error: { message: "hi", count: null } }, want: true },
    { name: "an optional member of the wrong type", given: { error: { message: "hi", count: "1" } }, want: false },
    { name: "a message over maxLength in code points", given: { error: { message: "abcd" } }, want: false },
    {
      name: "three astral characters (six code units) within maxLength 3",
      given: { error: { message: "😀😀😀" } },
      want: true,
    },
    { name: "an inherited required member", given: { error: inherited }, want: false },
    { name: "a non-enumerable required member", given: { error: hidden }, want: false },
    { name: "an inherited error", given: Object.create({ error: { message: "hi" } }) as object, want: false },
    {
      name: "an own __proto__ member of the right type",
      given: JSON.parse('{"error":{"message":"hi","__proto__":"x"}}'),
      want: true,
    },
    {
      name: "an own __proto__ member of the wrong type",
      given: JSON.parse('{"error":{"message":"hi","__proto__":1}}'),
      want: false,
    },
    { name: "a missing required member", given: { error: { count: 1 } }, want: false },
    { name: "optional members of their types", given: { error: { message: "hi", extra: {}, spare: 2 } }, want: true },
    { name: "an array for an object-or-null member", given: { error: { message: "hi", extra: [] } }, want: false },
    { name: "the second member of one type list wrong", given: { error: { message: "hi", spare: "2" } }, want: false },
    {
      name: "an inherited optional member of the wrong type is absent",
      given: { error: Object.assign(Object.create({ count: "1" }) as object, { message: "hi" }) },
      want: true,
    },
    {
      name: "a non-enumerable optional member of the wrong type is absent",
      given: { error: Object.defineProperty({ message: "hi" }, "count", { value: "1", enumerable: false }) },
      want: true,
    },
  ])("$name -> $want", ({ given, want }) => {
    expect(guard(given)).toBe(want);
  });

  it("a polluted Object.prototype adds no member", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto["message"] = "hi";
    try {
      expect(guard({ error: {} })).toBe(false);
    } finally {
      delete proto["message"];
    }
  });

  it("emits no walk over the object, no presence check a type check makes, and no empty block", () => {
    const source = emitGuard("g", OPEN as never);
    expect(source).not.toMatch(/for \(/);
    expect(source).toContain('ownMember(data, "error")');
    // `error` and `message` are required and typed: their type checks reject undefined.
    expect(source).not.toMatch(/=== undefined\) return false/);
    // `extra` may be any object: nothing to check inside it, so no block for it.
    expect(source).not.toMatch(/\{\s*\}/);
  });

  it("checks an optional member typed only by `type` where it is read, one test per list of types", () => {
    const source = emitGuard("g", OPEN as never);
    expect(source).toContain('if (!gOptional0(ownMember(m0, "count"))) return false;');
    expect(source).toContain('if (!gOptional0(ownMember(m0, "spare"))) return false;');
    expect(source).toContain('if (!gOptional2(ownMember(m0, "extra"))) return false;');
    expect(source.match(/const gOptional\d+ = /g)).toHaveLength(3);
  });
});
