import { ERROR_CATALOG, ERROR_CODES, ERROR_TYPES } from "@org/error-types";

/**
 * 256 valid and 256 invalid envelopes, all different, from `JSON.parse`. Why a second set:
 * the 8/12 fixed samples let V8 specialise on a handful of shapes and strings; varied codes,
 * message lengths, `param` forms and member orders are what a service sees over a day.
 * Deterministic (a fixed-seed generator), so runs compare.
 */
export const VARIED_COUNT = 256;

/** A small deterministic generator (mulberry32): the same sets on every run. */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Body = Record<string, unknown>;
const WORDS = [
  "model",
  "upstream",
  "quota",
  "channel",
  "timed out",
  "not found",
  "request",
  "key",
  "limit",
  "failed",
  "übermäßig",
  "模型",
];

function validBody(next: () => number, i: number): Body {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const code = i % 9 === 0 ? null : pick(ERROR_CODES);
  const type = code === null ? pick(ERROR_TYPES) : ERROR_CATALOG[code].type;
  const message = Array.from({ length: Math.floor(next() * 24) }, () => pick(WORDS)).join(" ") + ` #${i}`;
  const entries: [string, unknown][] = [
    ["message", message],
    ["type", type],
    ["code", code],
  ];
  const form = i % 3;
  if (form === 1) entries.push(["param", null]);
  if (form === 2) entries.push(["param", pick(["model", "messages", "messages[0].content", "temperature"])]);
  // Member order varies too: producers do not all write message first.
  if (next() < 0.25) entries.reverse();
  return Object.fromEntries(entries);
}

/** One way to break a valid body, each a different rule (early and late failures alike). */
const BREAKS: ((b: Body, i: number) => unknown)[] = [
  (b, i) => ({ error: { ...b, code: `no_such_code_${i}` } }),
  (b, i) => ({ error: { ...b, code: 500 + (i % 100) } }),
  (b) => ({ error: { ...b, type: "gateway_error" } }),
  (b, i) => ({ error: { ...b, trace_id: `tr_${i}` } }),
  (b, i) => ({ error: b, request_id: `req_${i}` }),
  (b) => ({ error: { message: b["message"], type: b["type"] } }),
  (b, i) => ({ error: { ...b, message: i } }),
  (b, i) => ({ error: { ...b, param: i } }),
  (b) => ({ error: String(b["message"]) }),
  (b) => ({ detail: b["message"] }),
  (b) => [{ error: b }],
  () => null,
  (b) => ({ error: { ...b, type: String(b["type"]).toUpperCase() } }),
  (b) => ({ error: { type: b["type"], code: b["code"] } }),
  (b) => ({ error: { ...b, message: "m".repeat(65_537) } }),
  (b) => ({ error: { ...b, code: typeof b["code"] === "string" ? `${b["code"]} ` : "" } }),
];

/** The two varied sets, as parsed JSON. */
export function variedSets(): { valid: unknown[]; invalid: unknown[] } {
  const next = generator(0x5eed);
  const valid: unknown[] = [];
  const invalid: unknown[] = [];
  for (let i = 0; i < VARIED_COUNT; i++) {
    valid.push(JSON.parse(JSON.stringify({ error: validBody(next, i) })));
    const broken = (BREAKS[i % BREAKS.length] as (b: Body, i: number) => unknown)(validBody(next, i + VARIED_COUNT), i);
    invalid.push(JSON.parse(JSON.stringify(broken)));
  }
  return { valid, invalid };
}
