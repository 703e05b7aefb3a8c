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
    const body = guard.replace(/^"use strict";export const guardStrict = guard10;$/m, "");
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
