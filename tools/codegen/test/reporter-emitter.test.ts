import { describe, expect, it } from "vitest";
import { emitClosedCopy, emitReporter } from "../src/targets/guard-emitter.js";

/** Compiles emitted code in this process (tests only: the package never evaluates code). */
function compile<T>(source: string, name: string): T {
  return new Function(`${source.replace(/^export /gm, "")}\nreturn ${name};`)() as T;
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
        code: { enum: ["a:b", null] },
        "a/b~": { type: ["number", "null"] },
      },
    },
  },
};

type Report = { instancePath: string; keyword: string; params: Record<string, unknown>; data: unknown } | null;

describe("emitReporter: the first problem, in ajv's order", () => {
  const report = compile<(d: unknown) => Report>(emitReporter("r", VIEW as never), "r");

  // given: a value; want: null, or the first problem ajv's first-error mode names
  it.each([
    { given: { error: { message: "hi", code: null } }, want: null },
    { given: { error: { message: "hi", code: "a:b", "a/b~": 1 } }, want: null },
    { given: [], want: { instancePath: "", keyword: "type", params: { type: "object" } } },
    // required comes before additionalProperties, as in ajv
    { given: { other: 1 }, want: { instancePath: "", keyword: "required", params: { missingProperty: "error" } } },
    { given: { error: { message: "hi", code: null }, other: 1 }, want: { instancePath: "", keyword: "additionalProperties", params: { additionalProperty: "other" } } },
    { given: { error: { code: null, x: 1 } }, want: { instancePath: "/error", keyword: "required", params: { missingProperty: "message" } } },
    { given: { error: { message: 1, code: "zz" } }, want: { instancePath: "/error/message", keyword: "type", params: { type: "string" } } },
    { given: { error: { message: "hello!", code: null } }, want: { instancePath: "/error/message", keyword: "maxLength", params: { limit: 5 } } },
    { given: { error: { message: "hi", code: "zz" } }, want: { instancePath: "/error/code", keyword: "enum", params: {} } },
    // member names are escaped in the pointer; a list of types is one comma-separated string
    { given: { error: { message: "hi", code: null, "a/b~": "x" } }, want: { instancePath: "/error/a~1b~0", keyword: "type", params: { type: "number,null" } } },
  ])("$given", ({ given, want }) => {
    const got = report(given);
    if (want === null) expect(got).toBeNull();
    else expect(got).toMatchObject(want);
  });

  it("hands back the value at the problem's path", () => {
    expect(report({ error: { message: "hi", code: "zz" } })?.data).toBe("zz");
  });
});

describe("emitClosedCopy: a copy of the allowed own members, or undefined", () => {
  const copy = compile<(d: unknown) => unknown>(emitClosedCopy("c", VIEW as never), "c");

  it("copies parsed JSON onto fresh objects, in the view's member order", () => {
    const data = JSON.parse('{"error":{"code":null,"message":"hi"}}') as { error: object };
    const got = copy(data) as { error: object };
    expect(got).toEqual({ error: { message: "hi", code: null } });
    expect(got).not.toBe(data);
    expect(got.error).not.toBe(data.error);
    expect(Object.keys(got.error)).toEqual(["message", "code"]);
  });

  it("keeps what is wrong with a value for the checks that follow", () => {
    // a wrong value, a missing member (stays missing), a body that is not an object, a non-object root
    expect(copy({ error: { message: 1, code: "zz" } })).toEqual({ error: { message: 1, code: "zz" } });
    expect(copy({ error: { code: null } })).toEqual({ error: { message: undefined, code: null } });
    expect(copy({ error: "text" })).toEqual({ error: "text" });
    expect(copy(null)).toBeNull();
    expect(copy("text")).toBe("text");
  });

  it("keeps the first unknown own member by name, after the allowed ones, so it is what a check reports", () => {
    const got = copy(JSON.parse('{"x":1,"error":{"y":2,"code":null,"z":3,"message":"hi"},"w":4}')) as Record<string, Record<string, unknown>>;
    expect(Object.keys(got)).toEqual(["error", "x"]);
    expect(Object.keys(got["error"] ?? {})).toEqual(["message", "code", "y"]);
    expect(got["x"]).toBeUndefined();
  });

  // given: a value whose own-member copy the closed copy cannot vouch for; want: undefined
  it.each([
    { name: "an unknown member named __proto__", data: JSON.parse('{"error":{"message":"hi","code":null},"__proto__":1}') as unknown },
    { name: "an inherited unknown member", data: { error: Object.assign(Object.create({ x: 1 }) as object, { message: "hi", code: null }) } },
    { name: "an inherited envelope", data: Object.create({ error: { message: "hi", code: null } }) as unknown },
    { name: "a non-enumerable member", data: { error: Object.defineProperty({ message: "hi" }, "code", { value: null, enumerable: false }) } },
    { name: "a member set to undefined", data: { error: { message: "hi", code: null, "a/b~": undefined } } },
    { name: "a null-prototype body", data: { error: Object.assign(Object.create(null) as object, { message: "hi", code: null }) } },
    { name: "a getter that answers undefined", data: { error: { message: "hi", get code() { return undefined; } } } },
  ])("$name", ({ data }) => {
    expect(copy(data)).toBeUndefined();
  });

  it("refuses a view with an open object level", () => {
    expect(() => emitClosedCopy("c", { type: "object", properties: {} } as never)).toThrow(/guard emitter/);
  });
});
