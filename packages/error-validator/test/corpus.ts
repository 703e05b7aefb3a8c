import { ERROR_CATALOG, ERROR_CODES, ERROR_TYPES } from "@org/error-types";
import fc from "fast-check";
import { MAX_MESSAGE_SCHEMA_LENGTH } from "../src/index.js";

// The differential tests' inputs: near-valid envelopes and their mutations (catalog values,
// near misses, wrong types, unknown members), arbitrary JSON, and the corners where
// validators part ways: astral characters around the length caps, lone surrogates, doc_url
// shapes, hostile member names and numbers.

// --- the corpus: near-valid envelopes, their mutations, and arbitrary JSON -------------------

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const AT_CAP = "m".repeat(MAX_MESSAGE_SCHEMA_LENGTH);
export const OVER_CAP = `${AT_CAP}m`;
const FIELDS = ["message", "type", "code", "param"] as const;

const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
/** Values a member is likely to be replaced with: catalog values, near misses, wrong types. */
const memberValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...ERROR_CODES, ...ERROR_TYPES, null, "", 0, 404, -1.5, true, [], {}, AT_CAP, OVER_CAP),
  fc.constantFrom(...ERROR_CODES).map((c): Json => c.toUpperCase()),
  fc.constantFrom(...ERROR_CODES).map((c): Json => c.replace("channel:", "")),
  fc.constantFrom(...ERROR_CODES).map((c): Json => `${c} `),
  fc.string(),
  fc.double(),
  anyJson,
);
const validEnvelope = fc
  .record({
    code: fc.constantFrom(...ERROR_CODES, null),
    type: fc.constantFrom(...ERROR_TYPES),
    message: fc.string(),
    param: fc.option(fc.string()),
    withParam: fc.boolean(),
  })
  .map(({ code, type, message, param, withParam }): { error: Record<string, Json> } => ({
    error: { message, type: code === null ? type : ERROR_CATALOG[code].type, code, ...(withParam ? { param } : {}) },
  }));

type Mutation = (envelope: { [key: string]: Json }) => void;
const body = (e: { [key: string]: Json }): { [key: string]: Json } | undefined => {
  const b = e["error"];
  return typeof b === "object" && b !== null && !Array.isArray(b) ? b : undefined;
};
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constantFrom(...FIELDS).map(
    (f): Mutation =>
      (e) =>
        void delete body(e)?.[f],
  ),
  fc.tuple(fc.constantFrom(...FIELDS), memberValue).map(([f, v]): Mutation => (e) => {
    const b = body(e);
    if (b) b[f] = v;
  }),
  fc.tuple(fc.string(), anyJson).map(([k, v]): Mutation => (e) => {
    const b = body(e);
    if (b) Object.defineProperty(b, k, { value: v, enumerable: true, writable: true, configurable: true });
  }),
  fc.tuple(fc.string(), anyJson).map(
    ([k, v]): Mutation =>
      (e) =>
        void Object.defineProperty(e, k, { value: v, enumerable: true, writable: true, configurable: true }),
  ),
  fc.oneof(anyJson, memberValue).map(
    (v): Mutation =>
      (e) =>
        void (e["error"] = v),
  ),
  fc.constant<Mutation>((e) => void delete e["error"]),
);
const mutated = fc.tuple(validEnvelope, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([e, ms]): Json => {
  const copy = structuredClone(e) as { [key: string]: Json };
  for (const m of ms) m(copy);
  return copy;
});
export const corpusArbitrary = fc.oneof(
  { weight: 3, arbitrary: validEnvelope as fc.Arbitrary<Json> },
  { weight: 5, arbitrary: mutated },
  { weight: 1, arbitrary: fc.record({ error: anyJson }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: anyJson },
);

const HOSTILE_KEYS = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "toJSON",
  "",
  "a\nb",
  "\u2028",
  "\ud800",
];
const FIRE = "\u{1F525}";
const CAP = MAX_MESSAGE_SCHEMA_LENGTH;

/** A message of `n` code points, `astral` of them astral, optionally ending in a lone surrogate. */
const boundaryMessage = fc
  .record({
    n: fc.constantFrom(CAP - 1, CAP, CAP + 1, CAP / 2, CAP / 2 + 1, 40_000),
    astralShare: fc.constantFrom(0, 0.5, 1),
    lone: fc.constantFrom("", "\ud83d", "\ude00"),
  })
  .map(({ n, astralShare, lone }) => {
    const count = n - (lone === "" ? 0 : 1);
    const astral = Math.round(count * astralShare);
    return FIRE.repeat(astral) + "m".repeat(count - astral) + lone;
  });

/** doc_url values on both sides of the strict schema's pattern and cap. */
const docUrl: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    "https://contract.org.example/error-contract/errors#bad_response",
    "http://x",
    "https://",
    "ftp://x",
    "https://a b",
    "https://a\n",
    "https://é",
    `https://${FIRE}`,
    `https://${"a".repeat(2040)}`,
    `https://${"a".repeat(2041)}`,
    null,
    7,
  ),
  fc.string({ unit: fc.constantFrom("h", "t", "p", "s", ":", "/", "a", "~", " ", "\n", FIRE), maxLength: 14 }),
);

/** Numbers where JSON, doubles and validators meet: negative zero, huge, tiny, integers past 2^53. */
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-0, 1e308, 5e-324, 2 ** 53 + 2, -1),
);

/** A valid envelope with one corner applied. */
export const cornerArbitrary: fc.Arbitrary<Json> = fc
  .tuple(
    validEnvelope,
    fc.oneof(
      boundaryMessage.map((message) => ["message", message] as const),
      docUrl.map((url) => ["doc_url", url] as const),
      number.map((n) => ["code", n] as const),
      number.map((n) => ["request_id", n] as const),
      fc.tuple(fc.constantFrom(...HOSTILE_KEYS), anyJson).map(([k, v]) => [k, v] as const),
    ),
    fc.boolean(),
  )
  .map(([envelope, [key, value], atRoot]) => {
    const target: { [key: string]: Json } = atRoot && HOSTILE_KEYS.includes(key) ? envelope : envelope.error;
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
    return envelope as Json;
  });
