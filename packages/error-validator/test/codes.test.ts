import { ERROR_CODES } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { isErrorEnvelope, validateErrorEnvelope } from "../src/index.js";
import { CODES, envelopeFor } from "./envelopes.js";

describe("every catalog code", () => {
  it("covers the 26 codes of the contract", () => {
    expect(CODES).toHaveLength(26);
  });

  it.each(CODES)("%s is valid in strict mode, in lenient mode and for isErrorEnvelope", (code) => {
    const envelope = envelopeFor(code, { param: "model" });
    expect(validateErrorEnvelope(envelope, { mode: "strict" })).toEqual({ ok: true, value: envelope });
    expect(validateErrorEnvelope(envelope, { mode: "lenient" })).toEqual({ ok: true, value: envelope });
    expect(validateErrorEnvelope(envelope)).toEqual({ ok: true, value: envelope });
    expect(isErrorEnvelope(envelope)).toBe(true);
  });

  it("accepts a null code (errors without a business code) in both modes", () => {
    const envelope = envelopeFor(null);
    expect(validateErrorEnvelope(envelope, { mode: "strict" }).ok).toBe(true);
    expect(validateErrorEnvelope(envelope).ok).toBe(true);
  });
});

describe("codes outside the catalog", () => {
  // given: the code; want: lenient ok, strict rejected at /error/code
  const cases: { name: string; code: unknown }[] = [
    { name: "an unknown string", code: "model_exploded" },
    { name: "a near miss (case)", code: "Model_Not_Found" },
    { name: "a near miss (no channel: prefix)", code: "invalid_key" },
    { name: "a near miss (trailing space)", code: "model_not_found " },
    { name: "the empty string", code: "" },
    { name: "an integer", code: 404 },
    { name: "a negative float", code: -1.5 },
    { name: "zero", code: 0 },
  ];

  it.each(cases)("$name: lenient accepts it and keeps it", ({ code }) => {
    const result = validateErrorEnvelope({ error: { message: "m", type: "server_error", code } });
    expect(result).toEqual({ ok: true, value: { error: { message: "m", type: "server_error", code } } });
  });

  it.each(cases)("$name: strict rejects it with an issue naming the code and the catalog", ({ code }) => {
    const result = validateErrorEnvelope({ error: { message: "m", type: "server_error", code } }, { mode: "strict" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({ path: "/error/code", keyword: "enum" });
    expect(issue?.message).toContain(typeof code === "string" ? JSON.stringify(code) : String(code));
    expect(issue?.message).toContain("is not in the catalog");
    // It lists what would have been accepted.
    for (const known of ERROR_CODES) expect(issue?.message).toContain(known);
    expect(isErrorEnvelope({ error: { message: "m", type: "server_error", code } })).toBe(false);
  });

  it("lenient: a null code, a missing code and a missing type are accepted", () => {
    expect(validateErrorEnvelope({ error: { message: "m", type: "server_error", code: null } }).ok).toBe(true);
    expect(validateErrorEnvelope({ error: { message: "m", type: "server_error" } }).ok).toBe(true);
    expect(validateErrorEnvelope({ error: { message: "m" } }).ok).toBe(true);
  });

  it("strict: an unknown type is rejected with an issue listing the categories", () => {
    const result = validateErrorEnvelope(
      { error: { message: "m", type: "teapot_error", code: null } },
      { mode: "strict" },
    );
    expect(result).toMatchObject({ ok: false, issues: [{ path: "/error/type", keyword: "enum" }] });
    if (result.ok) return;
    expect(result.issues[0]?.message).toContain('"teapot_error"');
    expect(result.issues[0]?.message).toContain("invalid_request_error");
    expect(result.issues[0]?.message).toContain("server_error");
  });

  it("lenient: an unknown type string and a null type are accepted", () => {
    expect(validateErrorEnvelope({ error: { message: "m", type: "teapot_error", code: "x" } }).ok).toBe(true);
    expect(validateErrorEnvelope({ error: { message: "m", type: null, code: "x" } }).ok).toBe(true);
  });
});
