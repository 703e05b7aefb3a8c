import { ERROR_CODES, HTTP_ERROR_STATUSES, HTTP_STATUSES } from "@org/error-types";
import { validateErrorEnvelope } from "@org/error-validator";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createError, MAX_RESPONSE_MESSAGE_LENGTH, toErrorResponse } from "../src/index.js";

// Messages of every shape: any UTF-16 (lone surrogates included), any code point, secrets
// glued to noise, and long runs well past the cap.
const message = fc.oneof(
  fc.string({ unit: "binary-ascii", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc
    .tuple(fc.constantFrom("sk-", "https://", "Bearer ", "10.0.", "::", "api_key="), fc.string({ maxLength: 40 }))
    .map(([a, b]) => a + b),
  fc
    .tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 20_000 }))
    .map(([s, n]) => s.repeat(n)),
);
const target = fc.oneof(
  fc.constantFrom(...ERROR_CODES),
  fc.constantFrom(...HTTP_ERROR_STATUSES.filter((s) => HTTP_STATUSES[s].codeless)),
);
const redact = fc.constantFrom("5xx" as const, "all" as const, "none" as const);

describe("for any message", () => {
  it("the body is valid JSON and valid under the strict validator, within the cap", () => {
    fc.assert(
      fc.property(
        target,
        message,
        fc.option(message, { nil: undefined }),
        redact,
        (codeOrStatus, text, param, mode) => {
          const error =
            typeof codeOrStatus === "number"
              ? createError(codeOrStatus as 404, text, { param })
              : createError(codeOrStatus, text, { param });
          const { body } = toErrorResponse(error, { redact: mode, validate: true, onError: () => undefined });
          const parsed: unknown = JSON.parse(JSON.stringify(body));
          const result = validateErrorEnvelope(parsed, { mode: "strict" });
          expect(result.ok).toBe(true);
          // The cap counts code points, as JSON Schema's maxLength does (issue 23, item 6).
          expect([...body.error.message].length).toBeLessThanOrEqual(MAX_RESPONSE_MESSAGE_LENGTH);
        },
      ),
      { numRuns: 400 },
    );
  });
});
