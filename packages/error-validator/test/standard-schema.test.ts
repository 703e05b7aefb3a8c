import { ERROR_CODES } from "@org/error-types";
import { Ajv } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema, lenientErrorEnvelopeSchema, validateErrorEnvelope } from "../src/index.js";
import { envelopeFor } from "./envelopes.js";

const strict = errorEnvelopeSchema["~standard"];
const lenient = lenientErrorEnvelopeSchema["~standard"];

describe("~standard.validate", () => {
  it("names the vendor and version 1", () => {
    expect([strict.version, strict.vendor, lenient.version, lenient.vendor]).toEqual([
      1,
      "@org/error-validator",
      1,
      "@org/error-validator",
    ]);
  });

  it("a valid envelope gives { value }, a copy as validateErrorEnvelope returns it", () => {
    const data = envelopeFor("model_not_found", { param: "model" });
    const result = strict.validate(data);
    expect(result).toEqual({ value: data });
    expect("value" in result && result.value).not.toBe(data);
    expect(result.issues).toBeUndefined();
  });

  // given: a value, the mode; want: the issue's message and path keys (no path for the root)
  it.each([
    {
      mode: "strict",
      data: { error: { message: "m", type: "server_error", code: "made_up" } },
      path: ["error", "code"],
    },
    {
      mode: "strict",
      data: { error: { message: "m", type: "server_error", code: null, "a/b~c": 1 } },
      path: ["error", "a/b~c"],
    },
    { mode: "strict", data: { error: { type: "server_error", code: null } }, path: ["error", "message"] },
    { mode: "lenient", data: { error: { message: 42 } }, path: ["error", "message"] },
    { mode: "lenient", data: "text", path: undefined },
  ] as const)("$mode: $data -> $path", ({ mode, data, path }) => {
    const schema = mode === "strict" ? strict : lenient;
    const result = schema.validate(data);
    expect(result.issues).toBeDefined();
    const [issue] = result.issues ?? [];
    expect(issue?.path).toEqual(path);
    const ours = validateErrorEnvelope(data, { mode });
    expect(issue?.message).toBe(ours.ok ? undefined : ours.issues[0]?.message);
  });

  it("lenient accepts what strict rejects (an unknown code, an extra member)", () => {
    const data = { error: { message: "m", code: 5001, extra: true }, id: "x" };
    expect(lenient.validate(data)).toEqual({ value: data });
    expect(strict.validate(data).issues).toHaveLength(1);
  });

  it("never throws, on hostile values either", () => {
    const trap = Object.defineProperty({}, "error", {
      get: () => {
        throw new Error("trap");
      },
      enumerable: true,
    });
    expect(strict.validate(trap).issues?.[0]?.message).toMatch(/^the value could not be read/);
  });
});

describe("~standard.jsonSchema", () => {
  const samples: unknown[] = [
    ...ERROR_CODES.map((code) => envelopeFor(code)),
    envelopeFor(null, { param: null }),
    envelopeFor(null, { code: "nope" }),
    envelopeFor(null, { extra: 1 }),
    { error: { message: "m", code: 5001 } },
    { error: { message: 1 } },
    { error: { message: "a".repeat(65_537) } },
    { error: null },
    [],
    null,
  ];

  it.each([
    { target: "draft-2020-12", compile: (s: object) => new Ajv2020({ allowUnionTypes: true }).compile(s) },
    { target: "draft-07", compile: (s: object) => new Ajv({ allowUnionTypes: true }).compile(s) },
  ])(
    "$target: a schema that the draft's validator compiles and that agrees with the package",
    ({ target, compile }) => {
      for (const [mode, schema] of [
        ["strict", strict],
        ["lenient", lenient],
      ] as const) {
        const input = schema.jsonSchema.input({ target });
        expect(schema.jsonSchema.output({ target })).toEqual(input);
        expect(input["$schema"]).toMatch(target === "draft-07" ? /draft-07/ : /2020-12/);
        const validate = compile(input);
        for (const value of samples)
          expect([mode, value, validate(value)]).toEqual([mode, value, validateErrorEnvelope(value, { mode }).ok]);
      }
    },
  );

  it("each call returns a fresh schema: changing one leaves the next alone", () => {
    const first = strict.jsonSchema.input({ target: "draft-07" });
    first["type"] = "string";
    expect(strict.jsonSchema.input({ target: "draft-07" })["type"]).toBe("object");
  });

  it.each(["openapi-3.0", "draft-04", "constructor", ""])(
    "an unsupported target (%s) throws a TypeError naming it",
    (target) => {
      expect(() => strict.jsonSchema.input({ target })).toThrow(TypeError);
      expect(() => lenient.jsonSchema.output({ target })).toThrow(JSON.stringify(target));
    },
  );
});
