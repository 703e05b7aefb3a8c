import { describe, expect, it } from "vitest";
import { toBooleanGuard } from "../src/targets/boolean-guard.js";

const AJV_SHAPE = [
  '"use strict";export const guardStrict = validate10;',
  'const schema11 = {"enum":["a"]};',
  'function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){',
  "let vErrors = null;",
  "let errors = 0;",
  'if(!(data === "a")){',
  'validate10.errors = [{instancePath,schemaPath:"#/enum",keyword:"enum",params:{allowedValues: schema11.enum},message:"must be equal to one of the allowed values"}];',
  "return false;",
  "}",
  "validate10.errors = vErrors;",
  "return errors === 0;",
  "}",
].join("\n");

describe("toBooleanGuard", () => {
  it("drops the error reports, the unused schema constant and the options parameter", () => {
    const guard = toBooleanGuard(AJV_SHAPE, "guard");
    expect(guard).toContain("export const guardStrict = guard10;");
    expect(guard).toContain("function guard10(data){");
    expect(guard).not.toContain(".errors");
    expect(guard).not.toContain("guardSchema11");
    const body = guard.replace(/^export const guardStrict = guard10;$/m, "");
    const fn = new Function(`${body}\nreturn guard10;`)() as (d: unknown) => boolean;
    expect([fn("a"), fn("b"), fn(1)]).toEqual([true, false, false]);
  });

  it.each([
    { name: "collected errors (allErrors)", extra: "if(vErrors === null){vErrors = [err0];} else {vErrors.push(err0);}" },
    { name: "an error report on two lines", extra: "validate10.errors = [{instancePath,\nkeyword:\"x\"}];" },
  ])("refuses ajv output of another shape: $name", ({ extra }) => {
    expect(() => toBooleanGuard(AJV_SHAPE.replace("return false;", `${extra}\nreturn false;`), "guard")).toThrow(/unexpected shape/);
  });
});

describe("toBooleanGuard: what a hand-written guard would do", () => {
  const ENUM_AND_MEMBERS = [
    "export const guardStrict = validate10;",
    'function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){',
    "let errors = 0;",
    "for(const key0 in data){",
    'if(!((key0 === "code") || (key0 === "note"))){',
    'validate10.errors = [{instancePath,keyword:"additionalProperties"}];',
    "return false;",
    "}",
    "}",
    "let data0 = data.code;",
    'if(!(((data0 === "a:b") || (data0 === "c\\"d")) || (data0 === null))){',
    'validate10.errors = [{instancePath,keyword:"enum"}];',
    "return false;",
    "}",
    "return errors === 0;",
    "}",
  ].join("\n");
  const guard = toBooleanGuard(ENUM_AND_MEMBERS, "g");
  const fn = new Function(`${guard.replace(/^export const guardStrict = g10;$/m, "")}\nreturn g10;`)() as (d: unknown) => boolean;

  it("turns an enum's chain of === into one Set lookup (pure, so bundlers can drop it)", () => {
    expect(guard).toContain('const gEnum0 = /* @__PURE__ */ new Set(["a:b","c\\"d",null]);');
    expect(guard).toContain("if(!gEnum0.has(data0)){");
  });

  it.each([
    { given: { code: "a:b" }, want: true },
    { given: { code: 'c"d' }, want: true },
    { given: { code: null }, want: true },
    { given: { code: "a" }, want: false },
    { given: { code: "a:b", other: 1 }, want: false },
    { given: Object.create({ code: "a:b" }), want: false },
  ])("keeps the meaning, and requires enumerated members to be own: $given -> $want", ({ given, want }) => {
    expect(fn(given)).toBe(want);
  });
});
