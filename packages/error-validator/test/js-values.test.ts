import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ValidationMode, validateErrorEnvelope } from "../src/index.js";
import { corpusArbitrary, type Json } from "./corpus.js";
import { agree, answers } from "./entry-points.js";
import { property } from "./fuzz.js";
import { ajvProject } from "./oracles.js";

/** The contract's member order (the strict copy's), read from the schema the package hands out. */
const ORDER = ["message", "type", "code", "param", "request_id", "doc_url"];

type Twist = (root: Record<string, unknown>, body: Record<string, unknown>) => void;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** An object nested `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** What plain JS can do to an envelope that JSON cannot: each one a way the value and its JSON part. */
const twist: fc.Arbitrary<Twist> = fc.oneof(
  fc.constantFrom<Twist>(
    // a member moved to the prototype
    (_root, body) => {
      const [key] = Object.keys(body);
      if (key === undefined) return;
      const value = body[key];
      delete body[key];
      Object.setPrototypeOf(body, { [key]: value });
    },
    (root) => void Object.setPrototypeOf(root, { extra: 1 }),
    // Symbol keys, toJSON methods (own and inherited), undefined members
    (root, body) => void Object.assign(root, { [Symbol("r")]: 1 }, Object.assign(body, { [Symbol("b")]: 2 })),
    (root) => void (root["toJSON"] = () => ({})),
    (_root, body) => void (body["toJSON"] = () => ({ message: "forged" })),
    (root) => void Object.setPrototypeOf(root, { toJSON: () => ({}) }),
    (_root, body) => void (body["param"] = undefined),
    // members in reverse order
    (_root, body) => {
      for (const [k, v] of Object.entries(body).reverse()) {
        delete body[k];
        body[k] = v;
      }
    },
    (root) => void (root["later"] = undefined),
    // values JSON cannot carry, in extra members
    (_root, body) => void (body["f"] = () => 1),
    (_root, body) => void (body["big"] = 1n),
    (_root, body) => void (body["date"] = new Date(0)),
    (root) => void (root["cycle"] = root),
    (_root, body) => void (body["deep"] = nested(100_000)),
    // getters, non-enumerable members, class instances, an own __proto__
    (_root, body) => {
      const message = body["message"];
      Object.defineProperty(body, "message", { get: () => message, enumerable: true, configurable: true });
    },
    (_root, body) => void Object.defineProperty(body, "hidden", { value: 1, enumerable: false }),
    (_root, body) => void Object.setPrototypeOf(body, class Body {}.prototype),
    (_root, body) =>
      void Object.defineProperty(body, "__proto__", { value: { x: 1 }, enumerable: true, configurable: true }),
  ),
  fc.nat({ max: 80 }).map(
    (depth): Twist =>
      (_root, body) =>
        void (body["nested"] = nested(depth)),
  ),
);

/** A corpus value (JSON) with up to three twists applied to its objects. */
const jsValue = fc.tuple(corpusArbitrary, fc.array(twist, { maxLength: 3 })).map(([json, twists]) => {
  const value = structuredClone(json) as Json;
  if (!isRecord(value)) return value as unknown;
  const body = isRecord(value["error"]) ? value["error"] : {};
  for (const t of twists) t(value, body);
  return value as unknown;
});

describe("plain-JS values: one answer on every path, and results that are plain JSON data", () => {
  const ajv = ajvProject();

  it.each(["strict", "lenient"] as ValidationMode[])("%s (seed 0x75)", (mode) => {
    fc.assert(
      fc.property(jsValue, (value) => {
        const got = answers(value, mode);
        expect(got, "every entry point gives the same verdict").toSatisfy(agree);
        const result = validateErrorEnvelope(value, { mode });
        if (!result.ok) return;
        const text = JSON.stringify(result.value);
        const again: unknown = JSON.parse(text);
        // What comes back is JSON data: it survives both, and is still an envelope as JSON.
        expect(JSON.stringify(structuredClone(result.value))).toBe(text);
        expect(ajv[mode](again).ok).toBe(true);
        expect(JSON.stringify(validateErrorEnvelope(again, { mode }))).toBe(JSON.stringify(result));
        if (mode === "strict") {
          // Exactly the contract's members, in its order; and the value itself serialises as one.
          const error = result.value.error as Record<string, unknown>;
          expect(Object.keys(error)).toEqual(ORDER.filter((k) => error[k] !== undefined));
          expect(Object.getOwnPropertySymbols(result.value.error)).toEqual([]);
          expect(ajv.strict(JSON.parse(JSON.stringify(value) as string)).ok).toBe(true);
        }
      }),
      property(0x75, 600),
    );
  });
});
