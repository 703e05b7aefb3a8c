import { describe, expect, it } from "vitest";
import { emitCheckedCopy } from "../src/targets/checked-copy-emitter.js";
import { emitGuard, emitReporter, GUARD_HELPERS } from "../src/targets/guard-emitter.js";

/** Compiles emitted code in this process (tests only: the package never evaluates code). */
function compile<T>(source: string, name: string): T {
  return new Function(`${GUARD_HELPERS}${source.replace(/^export /gm, "")}\nreturn ${name};`)() as T;
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

type Site = { instancePath: string; keyword: string; params: Record<string, unknown>; memo: unknown };
type Problem = { ok: false; site: Site; value: unknown };
type Checked = Problem | { ok: true; value: unknown };

// given: a value; want: valid, or the first problem ajv's first-error mode names, and what its message quotes
const CASES: { given: unknown; want: null | { site: Partial<Site>; value?: unknown } }[] = [
  { given: { error: { message: "hi", code: null } }, want: null },
  { given: { error: { message: "hi", code: "a:b", "a/b~": 1 } }, want: null },
  { given: [], want: { site: { instancePath: "", keyword: "type", params: { type: "object" } } } },
  // required comes before additionalProperties, as in ajv
  {
    given: { other: 1 },
    want: { site: { instancePath: "", keyword: "required", params: { missingProperty: "error" } } },
  },
  {
    given: { error: { message: "hi", code: null }, other: 1 },
    want: { site: { instancePath: "", keyword: "additionalProperties" }, value: "other" },
  },
  {
    given: { error: { code: null, x: 1 } },
    want: { site: { instancePath: "/error", keyword: "required", params: { missingProperty: "message" } } },
  },
  {
    given: { error: { message: "hi", code: null, x: 1, y: 2 } },
    want: { site: { instancePath: "/error", keyword: "additionalProperties" }, value: "x" },
  },
  {
    given: { error: "text" },
    want: { site: { instancePath: "/error", keyword: "type", params: { type: "object" } }, value: "text" },
  },
  {
    given: { error: { message: 1, code: "zz" } },
    want: { site: { instancePath: "/error/message", keyword: "type", params: { type: "string" } }, value: 1 },
  },
  {
    given: { error: { message: "hello!", code: null } },
    want: { site: { instancePath: "/error/message", keyword: "maxLength", params: { limit: 5 } } },
  },
  {
    given: { error: { message: "hi", code: "zz" } },
    want: { site: { instancePath: "/error/code", keyword: "enum", params: {} }, value: "zz" },
  },
  // member names are escaped in the pointer; a list of types is one comma-separated string
  {
    given: { error: { message: "hi", code: null, "a/b~": "x" } },
    want: { site: { instancePath: "/error/a~1b~0", keyword: "type", params: { type: "number,null" } }, value: "x" },
  },
];

describe("emitReporter: the first problem, in ajv's order", () => {
  const report = compile<(d: unknown) => Problem | null>(emitReporter("r", VIEW as never), "r");

  it.each(CASES)("$given", ({ given, want }) => {
    const got = report(given);
    if (want === null) return expect(got).toBeNull();
    expect(got).toMatchObject({ ok: false, site: want.site });
    if ("value" in want) expect(got?.value).toBe(want.value);
  });

  it("a site is one constant per place: the same object on every report from it", () => {
    const first = report({ error: { message: "hi", code: "zz" } });
    const second = report({ error: { message: "hi", code: "yy" } });
    expect(first?.site).toBe(second?.site);
    expect(first?.site.memo).toBeUndefined();
  });
});

describe("emitCheckedCopy: checks and copy in one pass", () => {
  const source = `${emitReporter("r", VIEW as never)}\n${emitCheckedCopy("c", VIEW as never, { setsOf: "r" })}\n${emitGuard("g", VIEW as never)}`;
  const {
    r: report,
    c: check,
    g: guard,
  } = compile<{ r: (d: unknown) => Problem | null; c: (d: unknown) => Checked; g: (d: unknown) => boolean }>(
    source,
    "{ r, c, g }",
  );

  it.each(CASES)("the reporter's verdict and first problem on the own-member copy: $given", ({ given }) => {
    const got = check(given);
    const want = report(given);
    if (want === null) expect(got).toEqual({ ok: true, value: given });
    // The same site object: the reporter's constants are shared, not copied.
    else expect(got).toEqual(want);
  });

  it("copies parsed JSON onto fresh objects, required members first, in the view's order", () => {
    const data = JSON.parse('{"error":{"a/b~":null,"code":null,"message":"hi"}}') as { error: object };
    const got = check(data);
    if (!got.ok) throw new Error("expected a copy");
    const value = got.value as { error: object };
    expect(value).toEqual({ error: { message: "hi", code: null, "a/b~": null } });
    expect(value).not.toBe(data);
    expect(value.error).not.toBe(data.error);
    expect(Object.keys(value.error)).toEqual(["message", "code", "a/b~"]);
  });

  it("reads each member once, so a getter's second answer is never what was checked", () => {
    let reads = 0;
    const body = {
      message: "hi",
      get code() {
        reads++;
        return reads === 1 ? null : "zz";
      },
    };
    expect(check({ error: body })).toEqual({ ok: true, value: { error: { message: "hi", code: null } } });
    expect(reads).toBe(1);
  });

  it("a __proto__ member from JSON is an unknown member, reported by name, and pollutes nothing", () => {
    const got = check(JSON.parse('{"error":{"message":"hi","code":null,"__proto__":{"x":1}}}'));
    expect(got).toMatchObject({
      ok: false,
      site: { instancePath: "/error", keyword: "additionalProperties" },
      value: "__proto__",
    });
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  it("own members of a null-prototype object are data: checked and copied onto plain objects", () => {
    const body = Object.assign(Object.create(null) as object, { message: "hi", code: null });
    const got = check({ error: body });
    expect(got).toEqual({ ok: true, value: { error: { message: "hi", code: null } } });
    if (got.ok) expect(Object.getPrototypeOf((got.value as { error: object }).error)).toBe(Object.prototype);
  });

  // given: members JSON.stringify would not write (inherited ones, undefined ones, Symbol keys);
  // want: they are absent, and the copy holds exactly the view's members that are present
  it.each([
    {
      name: "an inherited unknown member is not a member",
      data: { error: Object.assign(Object.create({ x: 1 }) as object, { message: "hi", code: null }) },
      want: { ok: true, value: { error: { message: "hi", code: null } } },
    },
    {
      name: "an inherited envelope is missing",
      data: Object.create({ error: { message: "hi", code: null } }) as unknown,
      want: { ok: false, site: { keyword: "required", params: { missingProperty: "error" } } },
    },
    {
      name: "an inherited required member is missing",
      data: { error: Object.assign(Object.create({ message: "hi" }) as object, { code: null }) },
      want: { ok: false, site: { keyword: "required", params: { missingProperty: "message" } } },
    },
    {
      name: "an optional member set to undefined is left out",
      data: { error: { "a/b~": undefined, code: null, message: "hi" } },
      want: { ok: true, value: { error: { message: "hi", code: null } } },
    },
    {
      name: "a Symbol-keyed member is not copied",
      data: { error: { message: "hi", code: null, [Symbol("s")]: 1 }, [Symbol("t")]: 2 },
      want: { ok: true, value: { error: { message: "hi", code: null } } },
    },
    {
      name: "a closed object with a toJSON method fails: it would not serialise as itself",
      data: Object.assign(Object.create({ toJSON: () => ({}) }) as object, { error: { message: "hi", code: null } }),
      want: { ok: false, site: { instancePath: "", keyword: "toJSON" } },
    },
  ])("$name", ({ data, want }) => {
    const got = check(data);
    expect(got).toMatchObject(want);
    if (got.ok) {
      expect(got).toEqual(want);
      expect(Object.getOwnPropertySymbols(got.value)).toEqual([]);
      expect(Object.keys((got.value as { error: object }).error)).toEqual(["message", "code"]);
    }
    // The guard from the same view gives the same verdict.
    expect(guard(data)).toBe(got.ok);
  });

  it("a non-enumerable member is not an own-member copy's: reported missing, like the copy", () => {
    const data = { error: Object.defineProperty({ message: "hi" }, "code", { value: null, enumerable: false }) };
    expect(check(data)).toEqual(report({ error: { ...data.error } }));
    expect(check(data)).toMatchObject({ site: { keyword: "required", params: { missingProperty: "code" } } });
  });

  it("refuses a view it cannot copy exactly", () => {
    expect(() => emitCheckedCopy("c", { type: "object", properties: {} } as never)).toThrow(/guard emitter/);
    const objectWithoutType = { type: "object", additionalProperties: false, properties: { a: { required: ["b"] } } };
    expect(() => emitCheckedCopy("c", objectWithoutType as never)).toThrow(/type: "object"/);
  });

  it("more than 2 optional members: present ones copied, absent and undefined ones left out", () => {
    const view = {
      type: "object",
      required: ["a"],
      additionalProperties: false,
      properties: { a: { type: "string" }, b: { type: "string" }, c: { type: "number" }, d: { type: "null" } },
    };
    const many = compile<(d: unknown) => Checked>(emitCheckedCopy("m", view as never), "m");
    const got = many({ d: null, a: "x", c: 1 });
    expect(got).toEqual({ ok: true, value: { a: "x", c: 1, d: null } });
    if (got.ok) expect(Object.keys(got.value as object)).toEqual(["a", "c", "d"]);
    expect(many({ a: "x", b: undefined })).toEqual({ ok: true, value: { a: "x" } });
    expect(many({ a: "x", c: "1" })).toMatchObject({
      ok: false,
      site: { instancePath: "/c", keyword: "type" },
      value: "1",
    });
  });
});
