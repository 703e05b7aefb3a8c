import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ErrorEnvelopeValidationError,
  errorEnvelopeSchema,
  parseErrorEnvelope,
  validateErrorEnvelope,
} from "../src/index.js";
import { logText, quote } from "../src/log-text.js";
import { assertionOf as thrown } from "./entry-points.js";
import { property } from "./fuzz.js";

const body = { message: "m", type: "server_error", code: null } as const;
const FORGED = "x\n2025-01-01 INFO payment approved\u001b[32mOK";

/**
 * The log-line rule, checked independently of log-text.ts: by code point, with the code
 * points listed by their Unicode names' ranges. One line, no C0/C1/DEL, no line or paragraph
 * separator, no bidi control, no BOM, no lone surrogate, and at most `max` characters.
 */
function assertLogSafe(text: string, max: number): void {
  // In u-mode a class of surrogates matches only a lone one: a pair is one code point.
  expect(/[\uD800-\uDFFF]/u.test(text)).toBe(false);
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const bad =
      cp < 0x20 ||
      (cp >= 0x7f && cp <= 0x9f) ||
      cp === 0x2028 ||
      cp === 0x2029 ||
      cp === 0x061c ||
      cp === 0x200e ||
      cp === 0x200f ||
      (cp >= 0x202a && cp <= 0x202e) ||
      (cp >= 0x2066 && cp <= 0x2069) ||
      cp === 0xfeff;
    if (bad) throw new Error(`unsafe U+${cp.toString(16)} in ${JSON.stringify(text.slice(0, 200))}`);
  }
  expect(text.length).toBeLessThanOrEqual(max);
}

/** Strings made of what breaks log lines, mixed with plain text, up to long lengths. */
const HOSTILE_UNITS = [
  "\n",
  "\r",
  "\u001b",
  "\u0000",
  "\u007f",
  "\u0085",
  "\u009b",
  "\u2028",
  "\u2029",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u061c",
  "\ufeff",
  "\ud800",
  "\udc00",
  "\u{1F525}",
  '"',
  "\\",
  "a",
  " ",
  "é",
];
const hostileText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...HOSTILE_UNITS), maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(FORGED, FORGED.repeat(30_000)),
);

describe("one log-line rule for every text made from received data", () => {
  it("logText and quote: any text gives one bounded safe line, and safe text comes back as it was (seed 0x106)", () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 1, max: 120 }), (text, max) => {
        assertLogSafe(logText(text, max), max + 1);
        const quoted = quote(text, max);
        assertLogSafe(quoted, max + 3);
        // Nothing but escapes of the unsafe units was changed: the escaped form parses back.
        if (!quoted.endsWith('…"')) expect(JSON.parse(quoted)).toBe(text);
        const safe = logText(text, max);
        if (!safe.endsWith("…")) expect(logText(safe, max)).toBe(safe);
      }),
      property(0x106, 400),
    );
  });

  // given: a hostile text where each entry point puts received text into a message
  const places: { name: string; text: (t: string) => string[] }[] = [
    {
      name: "an unknown member's name (issue message, path in the error's message)",
      text: (t) => {
        const e = thrown({ error: { ...body, [t]: 1 } });
        return [e.message, e.issues[0]?.message ?? ""];
      },
    },
    {
      name: "a code value",
      text: (t) => {
        const e = thrown({ error: { ...body, code: t } });
        return [e.message, e.issues[0]?.message ?? ""];
      },
    },
    {
      name: "a thrown Error's message",
      text: (t) => {
        const data = Object.defineProperty({}, "error", {
          enumerable: true,
          get() {
            throw new Error(t);
          },
        });
        return [thrown(data).message];
      },
    },
    {
      name: "a thrown Symbol's description",
      text: (t) => {
        const data = Object.defineProperty({}, "error", {
          enumerable: true,
          get() {
            // eslint-disable-next-line @typescript-eslint/only-throw-error -- plain JS can throw a Symbol; the case needs one
            throw Symbol(t);
          },
        });
        const result = validateErrorEnvelope(data);
        return [thrown(data).message, result.ok ? "" : (result.issues[0]?.message ?? "")];
      },
    },
    {
      name: "JSON.parse's message quoting the text",
      text: (t) => {
        const result = parseErrorEnvelope(`{"error": ${t}`);
        return [result.ok ? "" : (result.issues[0]?.message ?? "")];
      },
    },
    {
      name: "a wrong option value",
      text: (t) => {
        try {
          validateErrorEnvelope({}, { mode: t as "strict" });
        } catch (e) {
          return [(e as Error).message];
        }
        return [];
      },
    },
    {
      name: "a Standard Schema issue",
      text: (t) => {
        const result = errorEnvelopeSchema["~standard"].validate({ error: { ...body, [t]: 1 } });
        return (result.issues ?? []).map((i) => i.message);
      },
    },
  ];

  it.each(places)("$name: one bounded line whatever the text (seed 0x107)", ({ text }) => {
    fc.assert(
      fc.property(hostileText, (t) => {
        for (const message of text(t)) assertLogSafe(message, 1_200);
      }),
      property(0x107, 150),
    );
  });

  it("the forged log line of the report gives one escaped line, and a 1 MB name a short one", () => {
    const e = thrown({ error: { ...body, [FORGED]: 1 } });
    expect(e.message).toBe(
      'invalid error envelope: unknown member "x\\n2025-01-01 INFO payment approved\\u001b[32mOK" at /error: strict mode accepts only the contract\'s members (at /error/x\\n2025-01-01 INFO payment approved\\u001b[32mOK)',
    );
    const huge = thrown({ error: { ...body, [`\n${"k".repeat(1_000_000)}`]: 1 } });
    assertLogSafe(huge.message, 300);
    // The issue's path stays whole: a usable JSON Pointer, for code, not for logs.
    expect(huge.issues[0]?.path.length).toBe(1_000_008);
  });

  it("hand-built issues are escaped in the error's message too", () => {
    const e = new ErrorEnvelopeValidationError([
      { path: `/a\u2028b${"x".repeat(5_000)}`, keyword: "k", message: FORGED },
    ]);
    assertLogSafe(e.message, 1_200);
    expect(e.message).toContain("x\\n2025-01-01 INFO payment approved\\u001b[32mOK (at /a\\u2028b");
  });
});
