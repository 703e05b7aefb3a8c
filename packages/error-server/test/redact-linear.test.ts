import { describe, expect, it } from "vitest";
import { createError, MAX_RESPONSE_MESSAGE_LENGTH, toErrorResponse } from "../src/index.js";
import { MESSAGE_WINDOW } from "../src/core/message.js";
import { SECRET_RULES } from "../src/core/redact-rules.js";
import { scannedLengths } from "./helpers/scan-count.js";

// The construction redact-rules.ts promises, checked on every pattern's source: what keeps the
// one-pass alternation linear (bench/redact-linear.mjs measures it; a test counts, never times).

/** The source reduced to its operators: `\b` becomes "¶", other escapes and classes "_". */
function operators(source: string): string {
  return source.replace(/\\.|\[(?:\\.|[^\]\\])*\]/g, (token) => (token === "\\b" ? "¶" : "_"));
}

/** The top-level alternatives of reduced text. */
function alternatives(ops: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < ops.length; i++) {
    if (ops[i] === "(") depth++;
    else if (ops[i] === ")") depth--;
    else if (ops[i] === "|" && depth === 0) {
      out.push(ops.slice(last, i));
      last = i + 1;
    }
  }
  out.push(ops.slice(last));
  return out;
}

/** The content of the "(?:...)" group that opens reduced text, or undefined. */
function leadingGroup(ops: string): string | undefined {
  if (!ops.startsWith("(?:")) return undefined;
  let depth = 0;
  for (let i = 0; i < ops.length; i++) {
    if (ops[i] === "(") depth++;
    else if (ops[i] === ")" && --depth === 0) return ops.slice(3, i);
  }
  return undefined;
}

/** Whether every way into reduced text starts with a word boundary, a lookbehind or a literal. */
function anchored(ops: string): boolean {
  if (ops.startsWith("¶") || ops.startsWith("(?<!") || ops.startsWith("(?<=") || /^[A-Za-z0-9-]/.test(ops)) return true;
  const group = leadingGroup(ops);
  return group !== undefined && alternatives(group).every(anchored);
}

/** What the construction allows: bounded repetitions only, and an anchored start. */
const linearByConstruction = (source: string): boolean =>
  !/[*+]|\{\d+,\}/.test(operators(source)) && anchored(operators(source));

describe("the construction check itself", () => {
  it.each(["[a-z]{3}foo", "\\bfoo[a-z]+", "(?:\\bx|[a-z]y)", "\\bx{2,}", "(?:ab)*"])("rejects %s", (source) =>
    expect(linearByConstruction(source)).toBe(false),
  );
  it.each(["\\bfoo[a-z+]{1,9}", "(?<![a-z])x", "(?:\\bx|(?<=y)z)", "-----BEGIN"])("accepts %s", (source) =>
    expect(linearByConstruction(source)).toBe(true),
  );
});

describe("every secret pattern is built to be linear", () => {
  it.each(SECRET_RULES.map(([id, source]) => ({ id, source })))("$id", ({ source }) => {
    // Every repetition is bounded (no *, + or {n,}); entered only at a word boundary, after a
    // lookbehind, or on a literal.
    expect(linearByConstruction(source)).toBe(true);
    expect(() => new RegExp(source, "gi")).not.toThrow();
  });
});

describe("hostile messages cost one window each", () => {
  // What makes each new pattern start and then fail, repeated far past the window.
  it.each([
    "dbPassword ",
    '{\\"password\\":\\"',
    '\\\\\\"',
    "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n",
    "machine h login u ",
    "-u x:",
    "AKIAIOSFODNN7EXAMPLE:",
    "abc1Q~",
    "1//0",
    "x-functions-key:",
    "'key': '",
  ])("%j repeated to 1 MB", (unit) => {
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const lengths = scannedLengths(() =>
      toErrorResponse(createError("bad_response", text), { onError: () => undefined }),
    );
    expect(lengths).toHaveLength(1);
    expect(lengths[0]).toBeLessThanOrEqual(MESSAGE_WINDOW);
  });
});
