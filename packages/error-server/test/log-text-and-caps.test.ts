import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withErrorHandling } from "../src/adapters/node/index.js";
import { createError, ErrorBodyValidationError, MAX_RESPONSE_MESSAGE_LENGTH } from "../src/index.js";
import { logText } from "../src/core/log-text.js";
import { readEnvelope } from "./helpers/expect.js";
import { type Running, serveNode } from "./helpers/http.js";

// Issue 23 items 1 and 6 (the server's part).
const codePoints = (text: string): number => [...text].length;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

// Any text, with the characters that forge log lines (controls, C1, bidi, separators) and
// astral characters mixed in, often longer than the cap.
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.constantFrom(
        "\n",
        "\r",
        "\u001b[31m",
        "\u0085",
        "\u009b",
        "\u2028",
        "\u2029",
        "\u202e",
        "\u2066",
        "😀",
        "\u007f",
      ),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("ErrorBodyValidationError's message (issue 23, item 1)", () => {
  it("a hostile JSON Pointer and issue text are escaped onto one line and capped", () => {
    const name = `x\n2025-01-01 INFO payment approved\u001b[32mOK\u2028\u202e${"y\n".repeat(500_000)}`;
    const error = new ErrorBodyValidationError(
      [{ path: `/error/${name}`, message: `unknown member ${name}`, keyword: "additionalProperties" }],
      500,
      "req-1",
      undefined,
    );
    expect(error.message).not.toMatch(UNSAFE);
    expect(error.message.length).toBeLessThan(2_000);
    expect(error.message).toContain("\\u000a2025-01-01 INFO");
  });

  it("logText: one safe line of at most max code points, for any text (fixed seed)", () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 2, max: 60 }), (text, max) => {
        const line = logText(text, max);
        expect(line).not.toMatch(UNSAFE);
        expect(codePoints(line)).toBeLessThanOrEqual(max);
        if (codePoints(text) <= max && !UNSAFE.test(text)) expect(line).toBe(text);
      }),
      { seed: 2_300_001, numRuns: 300 },
    );
  });
});

describe("the message cap counts code points (issue 23, item 6)", () => {
  let server: Running;
  beforeAll(async () => {
    server = await serveNode(
      withErrorHandling((req) => {
        const n = Number(new URL(req.url ?? "/", "http://x").searchParams.get("n"));
        throw createError(400, "😀".repeat(n));
      }),
    );
  });
  afterAll(() => server.close());

  it.each([MAX_RESPONSE_MESSAGE_LENGTH, MAX_RESPONSE_MESSAGE_LENGTH + 1, 3 * MAX_RESPONSE_MESSAGE_LENGTH])(
    "%i emoji: at most the cap in code points, whole pairs only",
    async (n) => {
      const { error } = await readEnvelope(await fetch(`${server.url}/?n=${n}`));
      expect(codePoints(error.message)).toBe(Math.min(n, MAX_RESPONSE_MESSAGE_LENGTH));
      const cut = n > MAX_RESPONSE_MESSAGE_LENGTH;
      expect(error.message).toBe(cut ? `${"😀".repeat(MAX_RESPONSE_MESSAGE_LENGTH - 1)}…` : "😀".repeat(n));
    },
  );
});
