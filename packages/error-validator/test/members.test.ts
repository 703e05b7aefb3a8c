import { describe, expect, it } from "vitest";
import { type ValidationMode, validateErrorEnvelope } from "../src/index.js";
import { envelopeFor } from "./envelopes.js";

const body = { message: "Model not found", type: "not_found_error", code: "model_not_found" } as const;
const modes: ValidationMode[] = ["strict", "lenient"];

describe("missing members name the JSON Pointer of the missing member", () => {
  // given: the value, the mode; want: the issue's path
  const cases: { name: string; mode: ValidationMode; data: unknown; path: string }[] = [
    ...modes.map((mode) => ({ name: "no error", mode, data: {}, path: "/error" })),
    ...modes.map((mode) => ({ name: "no error (other members only)", mode, data: { message: "m" }, path: "/error" })),
    ...modes.map((mode) => ({
      name: "no message",
      mode,
      data: { error: { type: body.type, code: body.code } },
      path: "/error/message",
    })),
    { name: "no type", mode: "strict", data: { error: { message: "m", code: body.code } }, path: "/error/type" },
    { name: "no code", mode: "strict", data: { error: { message: "m", type: body.type } }, path: "/error/code" },
    {
      name: "code undefined counts as missing",
      mode: "strict",
      data: { error: { message: "m", type: body.type, code: undefined } },
      path: "/error/code",
    },
  ];

  it.each(cases)("$mode: $name -> $path", ({ mode, data, path }) => {
    const result = validateErrorEnvelope(data, { mode });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]).toMatchObject({ path, keyword: "required" });
    const member = path.split("/").pop() ?? "";
    expect(result.issues[0]?.message).toContain(`"${member}"`);
  });

  it("param is optional in both modes", () => {
    for (const mode of modes) expect(validateErrorEnvelope({ error: { ...body } }, { mode }).ok).toBe(true);
  });
});

describe("extra members", () => {
  // given: the envelope with one extra member; want: its path in strict, kept as-is in lenient
  const cases: { name: string; data: Record<string, unknown>; path: string; member: string }[] = [
    {
      name: "at the root",
      data: { error: { ...body }, request_id: "req_1" },
      path: "/request_id",
      member: "request_id",
    },
    {
      name: "in the body",
      data: { error: { ...body, details: { retry_after: 3 } } },
      path: "/error/details",
      member: "details",
    },
    {
      name: "a name that needs escaping",
      data: { error: { ...body }, "a/b~c": true },
      path: "/a~1b~0c",
      member: "a/b~c",
    },
    { name: "an empty name", data: { error: { ...body, "": 1 } }, path: "/error/", member: "" },
    {
      name: "a member named like a field, at the root",
      data: { error: { ...body }, message: "m" },
      path: "/message",
      member: "message",
    },
  ];

  it.each(cases)("strict rejects one $name, naming it", ({ data, path, member }) => {
    const result = validateErrorEnvelope(data, { mode: "strict" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path,
        keyword: "additionalProperties",
        message: expect.stringContaining(`unknown member ${JSON.stringify(member)}`) as string,
      },
    ]);
  });

  it.each(cases)("lenient accepts one $name and keeps it in value", ({ data }) => {
    const result = validateErrorEnvelope(data);
    expect(result).toEqual({ ok: true, value: data });
  });

  it("lenient hands back a copy: changing the value leaves the input alone", () => {
    const data = { error: { ...body, details: "x" }, extra: 1 };
    const result = validateErrorEnvelope(data);
    if (!result.ok) throw new Error("expected ok");
    expect(result.value).not.toBe(data);
    expect(result.value.error).not.toBe(data.error);
    result.value.error.message = "changed";
    expect(data.error.message).toBe("Model not found");
  });
});

describe("wrong types for every field", () => {
  const notStrings: unknown[] = [42, true, [], {}, null];
  const nonObjects: unknown[] = ["text", 1, false, [], null];
  // given: mode, the field's path and a wrong value; want: the issue path and keyword
  const cases: { mode: ValidationMode; path: string; value: unknown; keyword: string }[] = [
    ...modes.flatMap((mode) => nonObjects.map((value) => ({ mode, path: "", value, keyword: "type" }))),
    ...modes.flatMap((mode) => nonObjects.map((value) => ({ mode, path: "/error", value, keyword: "type" }))),
    ...modes.flatMap((mode) => notStrings.map((value) => ({ mode, path: "/error/message", value, keyword: "type" }))),
    ...modes.flatMap((mode) =>
      [42, true, [], {}].map((value) => ({ mode, path: "/error/param", value, keyword: "type" })),
    ),
    // Strict `type` and `code` are closed sets: anything else fails the enum.
    ...[42, true, [], {}, null, ""].map((value) => ({
      mode: "strict" as const,
      path: "/error/type",
      value,
      keyword: "enum",
    })),
    ...[42, true, [], {}, ""].map((value) => ({
      mode: "strict" as const,
      path: "/error/code",
      value,
      keyword: "enum",
    })),
    // Lenient `type` is any string or null, `code` any string, number or null.
    ...[42, true, [], {}].map((value) => ({ mode: "lenient" as const, path: "/error/type", value, keyword: "type" })),
    ...[true, [], {}].map((value) => ({ mode: "lenient" as const, path: "/error/code", value, keyword: "type" })),
  ];

  const place = (path: string, value: unknown): unknown => {
    if (path === "") return value;
    if (path === "/error") return { error: value };
    const envelope = envelopeFor("model_not_found") as unknown as { error: Record<string, unknown> };
    envelope.error[path.slice("/error/".length)] = value;
    return envelope;
  };

  it.each(cases)("$mode: $path = $value -> $keyword", ({ mode, path, value, keyword }) => {
    const result = validateErrorEnvelope(place(path, value), { mode });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ path, keyword });
    if (keyword === "type") {
      // Says where, what was expected and what came.
      expect(result.issues[0]?.message).toMatch(
        path === "" ? /^the envelope must be object, got / : new RegExp(`^${path} must be .+, got `),
      );
    }
  });

  it("type issues spell the expected types out", () => {
    const code = validateErrorEnvelope({ error: { message: "m", code: true } });
    expect(code).toMatchObject({
      ok: false,
      issues: [{ message: "/error/code must be string, number or null, got boolean true" }],
    });
    const param = validateErrorEnvelope({ error: { message: "m", param: 7 } }, { mode: "lenient" });
    expect(param).toMatchObject({
      ok: false,
      issues: [{ message: "/error/param must be string or null, got number 7" }],
    });
    const message = validateErrorEnvelope({ error: { message: () => "source code" } });
    expect(message).toMatchObject({
      ok: false,
      issues: [{ message: "/error/message must be string, got a function" }],
    });
  });

  it("values that are not JSON are rejected, not coerced", () => {
    for (const code of [Number.NaN, Number.POSITIVE_INFINITY, 10n, Symbol("code")]) {
      expect(validateErrorEnvelope({ error: { message: "m", code } })).toMatchObject({
        ok: false,
        issues: [{ path: "/error/code", keyword: "type" }],
      });
    }
  });

  it("long received strings are cut in messages", () => {
    const result = validateErrorEnvelope(
      { error: { message: "m", type: "x".repeat(10_000), code: null } },
      { mode: "strict" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues[0]?.message.length).toBeLessThan(400);
  });
});
