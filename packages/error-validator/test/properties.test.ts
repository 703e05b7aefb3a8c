import { ERROR_CATALOG, ERROR_CODES, ERROR_TYPES } from "@org/error-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertErrorEnvelope,
  isErrorEnvelope,
  MAX_MESSAGE_LENGTH,
  parseErrorEnvelope,
  type ValidationResult,
  validateErrorEnvelope,
} from "../src/index.js";

/** Checks the result contract: ok with a value, or not ok with at least one complete issue. */
function expectWellFormed(result: ValidationResult<unknown>): void {
  expect(typeof result.ok).toBe("boolean");
  if (result.ok) {
    expect(result).toHaveProperty("value");
    return;
  }
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path === "" || issue.path.startsWith("/")).toBe(true);
    expect(issue.keyword).toMatch(/^[a-zA-Z]+$/);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.message.length).toBeLessThan(2_000);
  }
}

/** Every entry point on one value: none throws, the results are well formed and agree. */
function checkAll(data: unknown): void {
  const strict = validateErrorEnvelope(data, { mode: "strict" });
  const lenient = validateErrorEnvelope(data);
  expectWellFormed(strict);
  expectWellFormed(lenient);
  expect(isErrorEnvelope(data)).toBe(strict.ok);
  // Strict is a subset of lenient.
  if (strict.ok) expect(lenient.ok).toBe(true);
  let threw: unknown = undefined;
  try {
    assertErrorEnvelope(data);
  } catch (e) {
    threw = e;
  }
  expect(threw === undefined).toBe(strict.ok);
}

// Keys and values that reach the interesting branches more often than random text would.
const key = fc.oneof(
  fc.constantFrom("error", "message", "type", "code", "param", "__proto__", "constructor", "toString"),
  fc.string(),
);
const interesting = fc.constantFrom<unknown>(
  ...ERROR_CODES,
  ...ERROR_TYPES,
  "",
  null,
  0,
  -0,
  Number.NaN,
  "x".repeat(MAX_MESSAGE_LENGTH + 1),
);
const everything = fc.anything({
  key,
  values: [
    fc.string(),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    interesting,
  ],
  maxDepth: 3,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
});
const json = fc.jsonValue({ maxDepth: 4 });
/** Envelope-shaped values: every member optional, each any JSON or a catalog value. */
const field = fc.oneof(json, interesting);
const shaped = fc.record(
  {
    error: fc.oneof(
      fc.record({ message: field, type: field, code: field, param: field }, { requiredKeys: [] }),
      fc.dictionary(key, field, { maxKeys: 6 }),
      json,
    ),
    extra: json,
  },
  { requiredKeys: [] },
);

describe("validation never throws", () => {
  it("on arbitrary values (fc.anything with every option)", () => {
    fc.assert(fc.property(everything, checkAll), { numRuns: 1_000 });
  });

  it("on envelope-shaped values", () => {
    fc.assert(fc.property(shaped, checkAll), { numRuns: 2_000 });
  });

  it("on arbitrary JSON values, which come back unchanged on success and parse the same as text", () => {
    fc.assert(
      fc.property(fc.oneof(json, shaped), (value) => {
        checkAll(value);
        // JSON.stringify gives undefined (not a string) for a value JSON cannot write.
        const text = JSON.stringify(value) as string | undefined;
        const data: unknown = JSON.parse(text ?? "null");
        for (const mode of ["strict", "lenient"] as const) {
          const result = validateErrorEnvelope(data, { mode });
          if (result.ok) expect(result.value).toEqual(data);
          expect(parseErrorEnvelope(JSON.stringify(data), { mode })).toEqual(result);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

describe("parsing never throws", () => {
  const text = fc.oneof(
    fc.string({ unit: "binary" }),
    fc.string({ unit: "grapheme" }),
    fc.json(),
    // JSON text, cut or padded: broken in every place.
    fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", "\uFEFF", " ", "}", "\u0000"))
      .map(([t, n, pad]) => pad + t.slice(0, n % (t.length + 1)) + pad),
  );

  it("on arbitrary strings, in both modes, also under a tiny cap", () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom("strict" as const, "lenient" as const),
        fc.option(fc.nat({ max: 64 }), { nil: undefined }),
        (json, mode, maxLength) => {
          const result = parseErrorEnvelope(json, maxLength === undefined ? { mode } : { mode, maxLength });
          expectWellFormed(result);
          if (maxLength !== undefined && json.length > maxLength)
            expect(result).toMatchObject({ ok: false, issues: [{ keyword: "maxLength" }] });
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("on arbitrary non-string input", () => {
    fc.assert(
      fc.property(everything, (value) => {
        fc.pre(typeof value !== "string");
        expect(parseErrorEnvelope(value as string)).toMatchObject({ ok: false, issues: [{ keyword: "type" }] });
      }),
      { numRuns: 500 },
    );
  });
});

describe("every envelope built from the catalog is strict-valid", () => {
  const message = fc.oneof(
    { weight: 5, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
    // At and just under the cap, counted in UTF-16 code units.
    {
      weight: 1,
      arbitrary: fc.integer({ min: MAX_MESSAGE_LENGTH - 2, max: MAX_MESSAGE_LENGTH }).map((n) => "é".repeat(n)),
    },
  );
  const envelope = fc
    .record(
      {
        code: fc.constantFrom(...ERROR_CODES, null),
        nullType: fc.constantFrom(...ERROR_TYPES),
        message,
        param: fc.option(fc.string(), { nil: null }),
        withParam: fc.boolean(),
      },
      { noNullPrototype: true },
    )
    .map(({ code, nullType, message, param, withParam }) => ({
      error: {
        message,
        type: code === null ? nullType : ERROR_CATALOG[code].type,
        code,
        ...(withParam ? { param } : {}),
      },
    }));

  it("strict and lenient accept it, isErrorEnvelope agrees, and the value is the envelope", () => {
    fc.assert(
      fc.property(envelope, (data) => {
        expect(validateErrorEnvelope(data, { mode: "strict" })).toEqual({ ok: true, value: data });
        expect(validateErrorEnvelope(data)).toEqual({ ok: true, value: data });
        expect(isErrorEnvelope(data)).toBe(true);
        expect(parseErrorEnvelope(JSON.stringify(data), { mode: "strict" })).toEqual({ ok: true, value: data });
      }),
      { numRuns: 1_000 },
    );
  });

  it("one extra member anywhere makes it strict-invalid but keeps it lenient-valid", () => {
    fc.assert(
      fc.property(
        envelope,
        fc.string().filter((k) => !["message", "type", "code", "param"].includes(k)),
        fc.boolean(),
        fc.jsonValue(),
        (data, name, inBody, value) => {
          fc.pre(inBody || name !== "error");
          const target: Record<string, unknown> = inBody ? data.error : data;
          Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
          const strict = validateErrorEnvelope(data, { mode: "strict" });
          expect(strict).toMatchObject({ ok: false, issues: [{ keyword: "additionalProperties" }] });
          expect(validateErrorEnvelope(data).ok).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
