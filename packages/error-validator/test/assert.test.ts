import { describe, expect, it } from "vitest";
import {
  assertErrorEnvelope,
  ErrorEnvelopeValidationError,
  isErrorEnvelope,
  isErrorEnvelopeValidationError,
  validateErrorEnvelope,
} from "../src/index.js";
import { envelopeFor } from "./envelopes.js";

const valid = envelopeFor("prompt_blocked", { param: "messages" });

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

describe("assertErrorEnvelope", () => {
  it("returns quietly for a strict envelope", () => {
    expect(() => assertErrorEnvelope(valid)).not.toThrow();
  });

  it("throws ErrorEnvelopeValidationError with the issues of strict validation", () => {
    const data = { error: { message: "m", type: "server_error", code: "made_up" } };
    const error = thrown(() => assertErrorEnvelope(data));
    expect(error).toBeInstanceOf(ErrorEnvelopeValidationError);
    expect(error).toBeInstanceOf(TypeError);
    const e = error as ErrorEnvelopeValidationError;
    expect(e.name).toBe("ErrorEnvelopeValidationError");
    const strict = validateErrorEnvelope(data, { mode: "strict" });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(e.issues).toEqual(strict.issues);
    // The message names the first issue and where it is.
    expect(e.message).toMatch(/^invalid error envelope: code "made_up" is not in the catalog/);
    expect(e.message).toContain("(at /error/code)");
    expect(String(e)).toContain("ErrorEnvelopeValidationError: invalid error envelope");
  });

  it("is strict: what lenient accepts (an unknown code, an extra member, no type) throws", () => {
    for (const data of [
      { error: { message: "m", type: "server_error", code: 5001 } },
      { error: { message: "m", type: "server_error", code: null }, id: "x" },
      { error: { message: "m", code: null } },
    ]) {
      expect(validateErrorEnvelope(data).ok).toBe(true);
      expect(() => assertErrorEnvelope(data)).toThrow(ErrorEnvelopeValidationError);
    }
  });

  it("a root-level problem has no '(at ...)' suffix", () => {
    const e = thrown(() => assertErrorEnvelope("not an object")) as ErrorEnvelopeValidationError;
    expect(e.message).toBe('invalid error envelope: the envelope must be object, got "not an object"');
    expect(e.issues).toEqual([
      { path: "", keyword: "type", message: 'the envelope must be object, got "not an object"' },
    ]);
  });

  it("an error with no issues still says something", () => {
    expect(new ErrorEnvelopeValidationError([]).message).toBe("invalid error envelope: unknown problem");
  });
});

describe("isErrorEnvelopeValidationError", () => {
  // given: a value; want: whether it is recognised
  const lookalike = Object.assign(new Error("from another copy of the package"), {
    name: "ErrorEnvelopeValidationError",
    issues: [],
  });
  const cases: { name: string; value: unknown; want: boolean }[] = [
    { name: "a thrown ErrorEnvelopeValidationError", value: thrown(() => assertErrorEnvelope({})), want: true },
    { name: "one from another copy of the package (same name, issues)", value: lookalike, want: true },
    { name: "a plain TypeError", value: new TypeError("x"), want: false },
    {
      name: "an Error named like it without issues",
      value: Object.assign(new Error("x"), { name: "ErrorEnvelopeValidationError" }),
      want: false,
    },
    {
      name: "a plain object shaped like it",
      value: { name: "ErrorEnvelopeValidationError", issues: [], message: "x" },
      want: false,
    },
    { name: "null", value: null, want: false },
    { name: "a string", value: "ErrorEnvelopeValidationError", want: false },
  ];

  it.each(cases)("$name -> $want", ({ value, want }) => {
    expect(isErrorEnvelopeValidationError(value)).toBe(want);
  });
});

describe("isErrorEnvelope", () => {
  // given: a value; want: true only for a strict envelope
  const cases: { name: string; value: unknown; want: boolean }[] = [
    { name: "a strict envelope", value: valid, want: true },
    { name: "a strict envelope without param", value: envelopeFor(null), want: true },
    { name: "an unknown code", value: envelopeFor(null, { code: "nope" }), want: false },
    { name: "a numeric code", value: envelopeFor(null, { code: 500 }), want: false },
    { name: "an extra body member", value: envelopeFor(null, { details: {} }), want: false },
    { name: "an extra root member", value: { ...envelopeFor(null), id: 1 }, want: false },
    { name: "no type", value: { error: { message: "m", code: null } }, want: false },
    { name: "a message over the cap", value: envelopeFor(null, { message: "a".repeat(65_537) }), want: false },
    { name: "null", value: null, want: false },
    { name: "undefined", value: undefined, want: false },
    { name: "an array", value: [valid], want: false },
    { name: "JSON text of an envelope", value: JSON.stringify(valid), want: false },
  ];

  it.each(cases)("$name -> $want, as strict validation says", ({ value, want }) => {
    expect(isErrorEnvelope(value)).toBe(want);
    expect(validateErrorEnvelope(value, { mode: "strict" }).ok).toBe(want);
  });

  it("narrows unknown to ErrorEnvelope", () => {
    const data: unknown = JSON.parse(JSON.stringify(valid));
    if (!isErrorEnvelope(data)) throw new Error("expected an envelope");
    expect(data.error.code).toBe("prompt_blocked");
  });
});

describe("validateErrorEnvelope options", () => {
  it("an unknown mode is a TypeError naming it", () => {
    expect(() => validateErrorEnvelope(valid, { mode: "STRICT" as "strict" })).toThrow(TypeError);
    expect(() => validateErrorEnvelope(valid, { mode: "STRICT" as "strict" })).toThrow('got "STRICT"');
  });

  it("an explicit undefined mode is the default (lenient)", () => {
    const data = { error: { message: "m", code: 1 } };
    expect(validateErrorEnvelope(data, {}).ok).toBe(true);
    expect(validateErrorEnvelope(data, { mode: undefined } as unknown as { mode: "lenient" }).ok).toBe(true);
  });
});
