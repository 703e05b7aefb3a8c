import { describe, expect, it } from "vitest";
import {
  isErrorEnvelope,
  isLenientErrorEnvelope,
  parseErrorEnvelope,
  type ValidationMode,
  validateErrorEnvelope,
} from "../src/index.js";
import { answers } from "./entry-points.js";
import { envelopeFor } from "./envelopes.js";

const valid = envelopeFor("bad_response", { param: "p", request_id: "r" });

/** An object nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

describe("strict hands back exactly the contract's members, in the contract's order", () => {
  // given: what the fallback path of 1.1.0 kept (arrival order, own undefined, Symbol keys)
  const sym = Symbol("s");
  const twisted = Object.assign(Object.create({ inherited: 1 }) as object, {
    [sym]: "symbol at the root",
    error: {
      request_id: "r",
      param: undefined,
      code: valid.error.code,
      [sym]: "symbol in the body",
      type: valid.error.type,
      message: valid.error.message,
    },
  });

  it("members in the contract's order, no own undefined member, no Symbol key, on every path", () => {
    const result = validateErrorEnvelope(twisted, { mode: "strict" });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(Object.keys(result.value)).toEqual(["error"]);
    expect(Object.keys(result.value.error)).toEqual(["message", "type", "code", "request_id"]);
    expect(Object.hasOwn(result.value.error, "param")).toBe(false);
    expect(Object.getOwnPropertySymbols(result.value)).toEqual([]);
    expect(Object.getOwnPropertySymbols(result.value.error)).toEqual([]);
    expect(answers(twisted, "strict")).toEqual({ validate: true, guard: true, assert: true, standard: true });
  });
});

describe("lenient reads own enumerable data and hands back JSON data", () => {
  it("a toJSON member has no effect: what comes back serialises as the envelope that was checked", () => {
    const data = {
      error: { message: "m", code: "c", toJSON: () => ({ message: "forged" }) },
      toJSON: () => ({}),
    };
    const result = validateErrorEnvelope(data);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(JSON.parse(JSON.stringify(result.value))).toEqual({ error: { message: "m", code: "c" } });
    expect(structuredClone(result.value)).toEqual(result.value);
    expect(answers(data, "lenient")).toEqual({ validate: true, guard: true, standard: true });
  });

  it("with Object.prototype.error polluted, {} is no envelope on any path (restored afterwards)", () => {
    const results: unknown[] = [];
    Object.defineProperty(Object.prototype, "error", {
      value: { message: "polluted" },
      enumerable: true,
      configurable: true,
      writable: true,
    });
    try {
      for (const mode of ["lenient", "strict"] as const) results.push(answers({}, mode));
      results.push(parseErrorEnvelope("{}").ok, isLenientErrorEnvelope({}), isErrorEnvelope({}));
    } finally {
      delete (Object.prototype as Record<string, unknown>)["error"];
    }
    expect(results).toEqual([
      { validate: false, guard: false, standard: false },
      { validate: false, guard: false, assert: false, standard: false },
      false,
      false,
      false,
    ]);
  });

  it("an extra member nested 500,000 levels deep is not handed back; the rest survives stringify and structuredClone", () => {
    const data = { error: { message: "m", deep: nested(500_000), shallow: nested(3) }, deep: nested(500_000) };
    const result = validateErrorEnvelope(data);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.value).toEqual({ error: { message: "m", shallow: nested(3) } });
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(result.value);
    expect(structuredClone(result.value)).toEqual(result.value);
  });

  it("extras JSON cannot carry (functions, Symbols, bigints, class instances, cycles) are left out", () => {
    const cycle: Record<string, unknown> = {};
    cycle["self"] = cycle;
    const data = {
      error: {
        message: "m",
        f: () => 1,
        s: Symbol("s"),
        b: 1n,
        d: new Date(0),
        cycle,
        kept: [1, "a", null, { x: true }],
      },
    };
    const result = validateErrorEnvelope(data);
    expect(result).toEqual({ ok: true, value: { error: { message: "m", kept: [1, "a", null, { x: true }] } } });
  });
});

describe("isErrorEnvelope is false for what serialises to {} (and so is every other strict path)", () => {
  class GetterEnvelope {
    get error() {
      return valid.error;
    }
  }
  class ToJsonEnvelope {
    error = { ...valid.error };
    toJSON() {
      return {};
    }
  }
  // given: values whose JSON is not the envelope they appear to be
  it.each([
    { name: "a class whose error is a prototype getter", data: new GetterEnvelope() as unknown },
    { name: "a class with a toJSON method", data: new ToJsonEnvelope() as unknown },
    { name: "an envelope inherited whole", data: Object.create(valid) as unknown },
    { name: "a body with a toJSON method", data: { error: { ...valid.error, toJSON: () => ({}) } } },
  ])("$name", ({ data }) => {
    expect(JSON.stringify(data)).not.toBe(JSON.stringify(valid));
    expect(answers(data, "strict")).toEqual({ validate: false, guard: false, assert: false, standard: false });
  });
});

describe("a class instance with its own members is judged by them: it serialises as them", () => {
  class OwnEnvelope {
    error: Record<string, unknown>;
    constructor() {
      this.error = { ...valid.error };
    }
  }
  it("accepted on every strict path, and handed back as a plain copy", () => {
    const data = new OwnEnvelope();
    expect(JSON.parse(JSON.stringify(data))).toEqual(valid);
    expect(answers(data, "strict")).toEqual({ validate: true, guard: true, assert: true, standard: true });
    const result = validateErrorEnvelope(data, { mode: "strict" });
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });
});

describe("a JSON number too large for a double", () => {
  it.each(["strict", "lenient"] as ValidationMode[])("%s: 1e400 is said to have overflowed to Infinity", (mode) => {
    const result = parseErrorEnvelope('{"error":{"message":1e400,"type":"server_error","code":null}}', { mode });
    expect(result).toMatchObject({ ok: false, issues: [{ path: "/error/message", keyword: "type" }] });
    if (!result.ok)
      expect(result.issues[0]?.message).toBe(
        "/error/message must be string, got number Infinity (a JSON number too large for a double, such as 1e400, overflows to Infinity)",
      );
  });
});
