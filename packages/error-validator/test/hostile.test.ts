import { afterEach, describe, expect, it } from "vitest";
import {
  assertErrorEnvelope,
  ErrorEnvelopeValidationError,
  isErrorEnvelope,
  isLenientErrorEnvelope,
  MAX_MESSAGE_LENGTH,
  MAX_MESSAGE_SCHEMA_LENGTH,
  parseErrorEnvelope,
  validateErrorEnvelope,
} from "../src/index.js";
import { envelopeFor } from "./envelopes.js";

const body = { message: "m", type: "server_error", code: null } as const;

/** Every entry point on one value: results (never an exception) and whether assert threw. */
function everyEntryPoint(data: unknown) {
  let asserted: unknown = "did not throw";
  try {
    assertErrorEnvelope(data);
  } catch (e) {
    asserted = e;
  }
  return {
    strict: validateErrorEnvelope(data, { mode: "strict" }),
    lenient: validateErrorEnvelope(data),
    guard: isErrorEnvelope(data),
    asserted,
  };
}

describe("message length cap", () => {
  it("MAX_MESSAGE_SCHEMA_LENGTH is the schema's maxLength; MAX_MESSAGE_LENGTH is its deprecated alias", () => {
    expect(MAX_MESSAGE_SCHEMA_LENGTH).toBe(65_536);
    expect(MAX_MESSAGE_LENGTH).toBe(MAX_MESSAGE_SCHEMA_LENGTH);
  });

  it.each(["strict", "lenient"] as const)(
    "%s: a message of MAX_MESSAGE_SCHEMA_LENGTH passes, one more character is a maxLength issue",
    (mode) => {
      const atCap = "a".repeat(MAX_MESSAGE_SCHEMA_LENGTH);
      expect(validateErrorEnvelope({ error: { ...body, message: atCap } }, { mode }).ok).toBe(true);
      const result = validateErrorEnvelope({ error: { ...body, message: `${atCap}a` } }, { mode });
      expect(result).toEqual({
        ok: false,
        issues: [
          {
            path: "/error/message",
            keyword: "maxLength",
            message: `/error/message is longer than ${MAX_MESSAGE_SCHEMA_LENGTH} characters (Unicode code points)`,
          },
        ],
      });
    },
  );

  // JSON Schema (and ajv's default, and Python's jsonschema) count code points: an emoji is one.
  it.each(["strict", "lenient"] as const)("%s: counts Unicode code points, so an emoji counts once", (mode) => {
    const emoji = "\u{1F525}"; // two UTF-16 code units, one code point
    const judge = (message: string) => [
      validateErrorEnvelope({ error: { ...body, message } }, { mode }).ok,
      parseErrorEnvelope(JSON.stringify({ error: { ...body, message } }), { mode }).ok,
      (mode === "strict" ? isErrorEnvelope : isLenientErrorEnvelope)({ error: { ...body, message } }),
    ];
    expect(judge(emoji.repeat(40_000))).toEqual([true, true, true]);
    expect(judge(emoji.repeat(MAX_MESSAGE_SCHEMA_LENGTH))).toEqual([true, true, true]);
    expect(judge(emoji.repeat(MAX_MESSAGE_SCHEMA_LENGTH + 1))).toEqual([false, false, false]);
    expect(judge(`${emoji.repeat(MAX_MESSAGE_SCHEMA_LENGTH - 1)}ab`)).toEqual([false, false, false]);
    // A lone surrogate is one code point: half a pair at the end does not pair with anything.
    expect(judge(`${"a".repeat(MAX_MESSAGE_SCHEMA_LENGTH - 1)}\uD83D`)).toEqual([true, true, true]);
    expect(judge(`${"a".repeat(MAX_MESSAGE_SCHEMA_LENGTH)}\uDE00`)).toEqual([false, false, false]);
  });

  it("a 50 MB message is rejected without being scanned (a result, not a hang)", () => {
    const result = validateErrorEnvelope({ error: { ...body, message: "\u0000".repeat(50_000_000) } });
    expect(result).toMatchObject({ ok: false, issues: [{ path: "/error/message", keyword: "maxLength" }] });
    expect(isErrorEnvelope({ error: { ...body, message: "\u0000".repeat(50_000_000) } })).toBe(false);
  });
});

describe("__proto__ and constructor keys are data", () => {
  afterEach(() => {
    // Nothing here may have reached Object.prototype.
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  const json =
    '{"__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"ctor"}},"error":{"message":"m","__proto__":{"polluted":"body"},"constructor":{"prototype":{"polluted":"body-ctor"}}}}';

  it("lenient keeps them as own members and the value's prototypes are Object.prototype", () => {
    const result = parseErrorEnvelope(json);
    if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.issues)}`);
    const { value } = result;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(value.error)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__", "constructor", "error"]);
    expect(Object.keys(value.error)).toEqual(["message", "__proto__", "constructor"]);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: "root" });
    expect(Object.getOwnPropertyDescriptor(value.error, "__proto__")?.value).toEqual({ polluted: "body" });
    expect((value as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(value.constructor).toEqual({ prototype: { polluted: "ctor" } });
    // It survives a round trip as the same data.
    expect(JSON.parse(JSON.stringify(value))).toEqual(JSON.parse(json));
  });

  it("strict rejects them as unknown members", () => {
    expect(parseErrorEnvelope(json, { mode: "strict" })).toMatchObject({
      ok: false,
      issues: [{ path: "/__proto__", keyword: "additionalProperties" }],
    });
    const inBody = '{"error":{"message":"m","type":"server_error","code":null,"__proto__":{"polluted":1}}}';
    expect(parseErrorEnvelope(inBody, { mode: "strict" })).toMatchObject({
      ok: false,
      issues: [{ path: "/error/__proto__" }],
    });
    const parsed: unknown = JSON.parse(inBody);
    expect(isErrorEnvelope(parsed)).toBe(false);
  });

  it("a code or type named like an Object.prototype member is not in the catalog", () => {
    for (const code of ["__proto__", "constructor", "toString", "hasOwnProperty"]) {
      expect(validateErrorEnvelope({ error: { ...body, code } }, { mode: "strict" })).toMatchObject({
        ok: false,
        issues: [{ path: "/error/code", keyword: "enum" }],
      });
    }
    expect(validateErrorEnvelope({ error: { ...body, type: "constructor" } }, { mode: "strict" }).ok).toBe(false);
  });
});

describe("inherited members", () => {
  const valid = envelopeFor("bad_response");
  /** A class whose prototype carries a (getter-free, enumerable) `error`. */
  class InheritsError {}
  Object.defineProperty(InheritsError.prototype, "error", { value: valid.error, enumerable: true });
  // given: a value whose members come from its prototype (JSON.parse never makes one)
  const cases: { name: string; data: unknown }[] = [
    { name: "envelope inherited whole", data: Object.create(valid) as unknown },
    { name: "error inherited from a class prototype", data: new InheritsError() },
    { name: "body inherited whole", data: { error: Object.create(valid.error) as unknown } },
    {
      name: "message inherited",
      data: { error: Object.assign(Object.create({ message: "m" }) as object, { type: "server_error", code: null }) },
    },
    {
      name: "code inherited",
      data: { error: Object.assign(Object.create({ code: null }) as object, { message: "m", type: "server_error" }) },
    },
  ];

  // want: validateErrorEnvelope validates a copy of the own members, so it reports the
  // inherited one as missing and never hands back a value that lacks it.
  it.each(cases)("validateErrorEnvelope rejects it: $name", ({ data }) => {
    const { strict } = everyEntryPoint(data);
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.issues[0]?.keyword).toBe("required");
  });

  // want: every entry point reads own enumerable members only (what JSON.stringify writes),
  // so the guard and the assertion give validateErrorEnvelope's answer.
  it.each(cases)("isErrorEnvelope and assertErrorEnvelope agree with validateErrorEnvelope: $name", ({ data }) => {
    const { guard, asserted } = everyEntryPoint(data);
    expect(guard).toBe(false);
    expect(isLenientErrorEnvelope(data)).toBe(validateErrorEnvelope(data).ok);
    expect(asserted).toBeInstanceOf(ErrorEnvelopeValidationError);
    expect((asserted as ErrorEnvelopeValidationError).issues[0]).toMatchObject({ keyword: "required" });
  });

  it("an inherited member outside the contract is not a member: it does not serialise either", () => {
    const data = Object.assign(Object.create({ extra: 1 }) as object, valid);
    const { guard, asserted, strict } = everyEntryPoint(data);
    expect(JSON.parse(JSON.stringify(data))).toEqual(valid);
    expect(guard).toBe(true);
    expect(asserted).toBe("did not throw");
    expect(strict).toEqual({ ok: true, value: valid });
  });

  it("lenient: an inherited error is missing, an inherited message too", () => {
    expect(validateErrorEnvelope(Object.create(valid))).toMatchObject({
      ok: false,
      issues: [{ path: "/error", keyword: "required" }],
    });
    expect(validateErrorEnvelope({ error: Object.create({ message: "m" }) })).toMatchObject({
      ok: false,
      issues: [{ path: "/error/message", keyword: "required" }],
    });
  });

  it("own members on a null-prototype object are data: accepted, handed back on a plain object", () => {
    const data = Object.assign(Object.create(null) as object, {
      error: Object.assign(Object.create(null) as object, valid.error),
    });
    const result = validateErrorEnvelope(data, { mode: "strict" });
    expect(result).toEqual({ ok: true, value: valid });
    if (result.ok) {
      expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
      expect(Object.getPrototypeOf(result.value.error)).toBe(Object.prototype);
    }
    expect(isErrorEnvelope(data)).toBe(true);
  });
});

describe("getters and proxies give an issue, not an exception", () => {
  const trap = (): never => {
    throw new Error("trap fired");
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  // given: a value that throws when read; want: an "exception" issue at the root
  const cases: { name: string; data: unknown }[] = [
    { name: "a throwing getter for error", data: Object.defineProperty({}, "error", { get: trap, enumerable: true }) },
    {
      name: "a throwing getter for message",
      data: {
        error: Object.defineProperty({ type: "server_error", code: null }, "message", { get: trap, enumerable: true }),
      },
    },
    {
      name: "a getter that throws a non-Error",
      data: {
        get error(): never {
          // eslint-disable-next-line @typescript-eslint/only-throw-error -- plain JS can throw a non-Error; the case needs one
          throw "a string";
        },
      },
    },
    { name: "a proxy whose get trap throws", data: new Proxy({ error: { ...body } }, { get: trap }) },
    { name: "a proxy whose ownKeys trap throws", data: new Proxy({ error: { ...body } }, { ownKeys: trap }) },
    {
      name: "a proxy body whose getOwnPropertyDescriptor trap throws",
      data: { error: new Proxy({ ...body }, { getOwnPropertyDescriptor: trap }) },
    },
    { name: "a revoked proxy", data: revoked.proxy },
    { name: "a revoked proxy as body", data: { error: revoked.proxy } },
  ];

  it.each(cases)("$name", ({ data }) => {
    const results = everyEntryPoint(data);
    for (const result of [results.strict, results.lenient]) {
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.issues).toHaveLength(1);
        expect(result.issues[0]).toMatchObject({ path: "", keyword: "exception" });
        expect(result.issues[0]?.message).toMatch(/^the value could not be read: /);
      }
    }
    expect(results.guard).toBe(false);
    expect(results.asserted).toMatchObject({ name: "ErrorEnvelopeValidationError" });
  });

  it("a well-behaved proxy is read once, and the value is a snapshot of what was read", () => {
    let reads = 0;
    const data = new Proxy(
      { error: { ...body } },
      {
        get(target, key, receiver) {
          if (key === "error") reads++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      },
    );
    const result = validateErrorEnvelope(data, { mode: "strict" });
    expect(result).toEqual({ ok: true, value: { error: body } });
    expect(reads).toBe(1);
    if (result.ok) expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });
});
