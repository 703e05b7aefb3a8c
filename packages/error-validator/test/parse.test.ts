import { describe, expect, it } from "vitest";
import { DEFAULT_MAX_JSON_LENGTH, MAX_MESSAGE_LENGTH, parseErrorEnvelope } from "../src/index.js";
import { envelopeFor } from "./envelopes.js";

const valid = envelopeFor("channel:invalid_key", { param: null });
const text = JSON.stringify(valid);

describe("parseErrorEnvelope: good text", () => {
  it("parses and validates (lenient by default)", () => {
    expect(parseErrorEnvelope(text)).toEqual({ ok: true, value: valid });
    expect(parseErrorEnvelope('{"error":{"message":"m","code":5001,"extra":1}}')).toEqual({
      ok: true,
      value: { error: { message: "m", code: 5001, extra: 1 } },
    });
  });

  it("applies strict mode when asked", () => {
    expect(parseErrorEnvelope(text, { mode: "strict" })).toEqual({ ok: true, value: valid });
    expect(parseErrorEnvelope('{"error":{"message":"m","code":5001}}', { mode: "strict" })).toMatchObject({
      ok: false,
      issues: [{ path: "/error/type", keyword: "required" }],
    });
  });

  it("accepts surrounding whitespace and a leading byte-order mark", () => {
    expect(parseErrorEnvelope(`\n\t ${text} \r\n`)).toEqual({ ok: true, value: valid });
    expect(parseErrorEnvelope(`\uFEFF${text}`)).toEqual({ ok: true, value: valid });
    expect(parseErrorEnvelope(`\uFEFF ${text}`, { mode: "strict" })).toEqual({ ok: true, value: valid });
  });
});

describe("parseErrorEnvelope: bad text gives an issue, never an exception", () => {
  // given: the text; want: keyword and a message fragment, at the root
  const cases: { name: string; json: string; keyword: string; says: string }[] = [
    { name: "empty string", json: "", keyword: "json", says: "empty" },
    { name: "whitespace only", json: " \n\t\r ", keyword: "json", says: "empty" },
    { name: "a BOM only", json: "\uFEFF", keyword: "json", says: "empty" },
    { name: "two BOMs", json: `\uFEFF\uFEFF${text}`, keyword: "json", says: "not valid JSON" },
    { name: "truncated JSON", json: text.slice(0, -1), keyword: "json", says: "not valid JSON" },
    { name: "trailing garbage", json: `${text}x`, keyword: "json", says: "not valid JSON" },
    { name: "single quotes", json: "{'error':{}}", keyword: "json", says: "not valid JSON" },
    {
      name: "an HTML page from a proxy",
      json: "<html><body>502 Bad Gateway</body></html>",
      keyword: "json",
      says: "not valid JSON",
    },
    { name: "JSON array", json: "[1,2]", keyword: "type", says: "got an array" },
    { name: "JSON number", json: "502", keyword: "type", says: "got number 502" },
    { name: "JSON string", json: '"Bad Gateway"', keyword: "type", says: 'got "Bad Gateway"' },
    { name: "JSON null", json: "null", keyword: "type", says: "got null" },
    { name: "JSON true", json: "true", keyword: "type", says: "got boolean true" },
  ];

  it.each(cases)("$name", ({ json, keyword, says }) => {
    for (const mode of ["strict", "lenient"] as const) {
      const result = parseErrorEnvelope(json, { mode });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ path: "", keyword });
      expect(result.issues[0]?.message).toContain(says);
    }
  });

  it.each([
    { name: "a number", json: 42 },
    { name: "null", json: null },
    { name: "undefined", json: undefined },
    { name: "an object (already parsed)", json: valid },
    { name: "a Uint8Array", json: new TextEncoder().encode(text) },
  ])("non-string input ($name) is an issue", ({ json }) => {
    const result = parseErrorEnvelope(json as unknown as string);
    expect(result).toMatchObject({
      ok: false,
      issues: [
        { path: "", keyword: "type", message: expect.stringContaining("expected JSON text (a string)") as string },
      ],
    });
  });

  it("text over the cap is not parsed", () => {
    const huge = `{"error":{"message":"${"a".repeat(DEFAULT_MAX_JSON_LENGTH)}"}}`;
    const result = parseErrorEnvelope(huge);
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: "",
          keyword: "maxLength",
          message: `the JSON text is ${huge.length} characters long, over the cap of ${DEFAULT_MAX_JSON_LENGTH}; it was not parsed`,
        },
      ],
    });
    // Over the cap even when it is not JSON at all: the length decides first.
    expect(parseErrorEnvelope("x".repeat(DEFAULT_MAX_JSON_LENGTH + 1))).toMatchObject({
      ok: false,
      issues: [{ keyword: "maxLength" }],
    });
  });

  it("the cap is inclusive and configurable", () => {
    expect(parseErrorEnvelope(text, { maxLength: text.length }).ok).toBe(true);
    expect(parseErrorEnvelope(text, { maxLength: text.length - 1 })).toMatchObject({
      ok: false,
      issues: [{ keyword: "maxLength" }],
    });
    expect(parseErrorEnvelope(text, { maxLength: Number.POSITIVE_INFINITY }).ok).toBe(true);
  });

  it("the default cap holds a maximal message with every character escaped", () => {
    const escaped = JSON.stringify({
      error: { message: "\n".repeat(MAX_MESSAGE_LENGTH), type: "server_error", code: null },
    });
    expect(escaped.length).toBeLessThanOrEqual(DEFAULT_MAX_JSON_LENGTH);
    expect(parseErrorEnvelope(escaped, { mode: "strict" }).ok).toBe(true);
  });

  it("a message over MAX_MESSAGE_LENGTH inside the JSON cap is a maxLength issue", () => {
    const json = JSON.stringify({ error: { message: "a".repeat(MAX_MESSAGE_LENGTH + 1) } });
    expect(parseErrorEnvelope(json)).toMatchObject({
      ok: false,
      issues: [{ path: "/error/message", keyword: "maxLength" }],
    });
  });

  it("deeply nested JSON within the cap gives a result: extra members are not walked", () => {
    const deep = `{"error":{"message":"m","type":"server_error","code":null,"extra":${"[".repeat(400_000)}${"]".repeat(400_000)}}}`;
    expect(parseErrorEnvelope(deep).ok).toBe(true);
    expect(parseErrorEnvelope(deep, { mode: "strict" })).toMatchObject({
      ok: false,
      issues: [{ path: "/error/extra", keyword: "additionalProperties" }],
    });
  });
});

describe("parseErrorEnvelope: wrong options are programming errors", () => {
  it.each([Number.NaN, -1, "100" as unknown as number])("maxLength %s throws a TypeError", (maxLength) => {
    expect(() => parseErrorEnvelope(text, { maxLength })).toThrow(TypeError);
    expect(() => parseErrorEnvelope(text, { maxLength })).toThrow(/maxLength must be a number >= 0/);
  });

  it("an unknown mode throws a TypeError naming it", () => {
    expect(() => parseErrorEnvelope(text, { mode: "loose" as "strict" })).toThrow(
      'mode must be "strict" or "lenient", got "loose"',
    );
  });
});
