import type { ErrorEnvelope, LenientErrorEnvelope } from "@org/error-types";
import { describe, expectTypeOf, it } from "vitest";
import {
  assertErrorEnvelope,
  ErrorEnvelopeValidationError,
  isErrorEnvelope,
  isErrorEnvelopeValidationError,
  parseErrorEnvelope,
  type ValidationIssue,
  type ValidationMode,
  type ValidationResult,
  validateErrorEnvelope,
} from "../src/index.js";

describe("validateErrorEnvelope result types", () => {
  it("strict mode gives an ErrorEnvelope", () => {
    const result = validateErrorEnvelope({}, { mode: "strict" });
    expectTypeOf(result).toEqualTypeOf<ValidationResult<ErrorEnvelope>>();
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<ErrorEnvelope>();
    else expectTypeOf(result.issues).toEqualTypeOf<ValidationIssue[]>();
  });

  it("the default and lenient mode give a LenientErrorEnvelope", () => {
    expectTypeOf(validateErrorEnvelope({})).toEqualTypeOf<ValidationResult<LenientErrorEnvelope>>();
    expectTypeOf(validateErrorEnvelope({}, {})).toEqualTypeOf<ValidationResult<LenientErrorEnvelope>>();
    expectTypeOf(validateErrorEnvelope({}, { mode: "lenient" })).toEqualTypeOf<
      ValidationResult<LenientErrorEnvelope>
    >();
  });

  it("a mode only known at run time gives the union", () => {
    const mode = "strict" as ValidationMode;
    expectTypeOf(validateErrorEnvelope({}, { mode })).toEqualTypeOf<
      ValidationResult<ErrorEnvelope | LenientErrorEnvelope>
    >();
  });

  it("only the two modes are accepted", () => {
    // @ts-expect-error: not a mode
    validateErrorEnvelope({}, { mode: "loose" });
  });
});

describe("parseErrorEnvelope result types", () => {
  it("follow the mode like validateErrorEnvelope", () => {
    expectTypeOf(parseErrorEnvelope("{}", { mode: "strict" })).toEqualTypeOf<ValidationResult<ErrorEnvelope>>();
    expectTypeOf(parseErrorEnvelope("{}", { mode: "strict", maxLength: 10 })).toEqualTypeOf<
      ValidationResult<ErrorEnvelope>
    >();
    expectTypeOf(parseErrorEnvelope("{}")).toEqualTypeOf<ValidationResult<LenientErrorEnvelope>>();
    expectTypeOf(parseErrorEnvelope("{}", { maxLength: 10 })).toEqualTypeOf<ValidationResult<LenientErrorEnvelope>>();
  });

  it("takes a string", () => {
    // @ts-expect-error: JSON text only
    parseErrorEnvelope({ error: {} });
  });
});

describe("guards narrow", () => {
  it("isErrorEnvelope narrows unknown to ErrorEnvelope", () => {
    const data: unknown = {};
    if (isErrorEnvelope(data)) expectTypeOf(data).toEqualTypeOf<ErrorEnvelope>();
  });

  it("assertErrorEnvelope narrows unknown to ErrorEnvelope after the call", () => {
    const data: unknown = {};
    assertErrorEnvelope(data);
    expectTypeOf(data).toEqualTypeOf<ErrorEnvelope>();
    expectTypeOf(data.error.code).toEqualTypeOf<ErrorEnvelope["error"]["code"]>();
  });

  it("isErrorEnvelopeValidationError narrows to the error class with readonly issues", () => {
    const e: unknown = new Error("x");
    if (isErrorEnvelopeValidationError(e)) {
      expectTypeOf(e).toEqualTypeOf<ErrorEnvelopeValidationError>();
      expectTypeOf(e.issues).toEqualTypeOf<readonly ValidationIssue[]>();
      expectTypeOf(e.name).toEqualTypeOf<"ErrorEnvelopeValidationError">();
    }
  });
});
