import type { ErrorEnvelope, LenientErrorEnvelope } from "@org/error-types";
import type { ValidationResult } from "./issue.js";
import { DEFAULT_MAX_JSON_LENGTH } from "./limits.js";
import { logText } from "./log-text.js";
import { resolveMode, type ValidateOptions, validateErrorEnvelope } from "./validate.js";

/** Options of `parseErrorEnvelope`. */
export interface ParseOptions extends ValidateOptions {
  /**
   * Longest JSON text parsed, in UTF-16 code units; longer text gives a `maxLength` issue
   * without being parsed.
   * @default 1_048_576
   */
  maxLength?: number;
}

/** Longest part of JSON.parse's message an issue quotes. */
const MAX_JSON_ERROR_TEXT = 200;

const fail = (
  keyword: string,
  message: string,
): { ok: false; issues: [{ path: string; keyword: string; message: string }] } => ({
  ok: false,
  issues: [{ path: "", keyword, message }],
});

/** The cap; a wrong one is a programming error, said plainly (NaN would silently lift it). */
function resolveMaxLength(options: ParseOptions | undefined): number {
  const max = options?.maxLength ?? DEFAULT_MAX_JSON_LENGTH;
  if (typeof max !== "number" || Number.isNaN(max) || max < 0) {
    throw new TypeError(
      `@org/error-validator: maxLength must be a number >= 0, got ${typeof max === "number" ? String(max) : typeof max}`,
    );
  }
  return max;
}

/**
 * Parses JSON text and validates it as an error envelope (lenient by default). Never throws:
 * invalid JSON, empty text, a byte-order mark, oversize text or non-object JSON all give
 * `{ ok: false, issues }`. Only a wrong `mode` or `maxLength` option throws (a `TypeError`).
 */
export function parseErrorEnvelope(
  json: string,
  options: ParseOptions & { mode: "strict" },
): ValidationResult<ErrorEnvelope>;
export function parseErrorEnvelope(
  json: string,
  options?: ParseOptions & { mode?: "lenient" },
): ValidationResult<LenientErrorEnvelope>;
export function parseErrorEnvelope(
  json: string,
  options?: ParseOptions,
): ValidationResult<ErrorEnvelope | LenientErrorEnvelope>;
export function parseErrorEnvelope(
  json: unknown,
  options?: ParseOptions,
): ValidationResult<ErrorEnvelope | LenientErrorEnvelope> {
  const mode = resolveMode(options);
  const max = resolveMaxLength(options);
  if (typeof json !== "string")
    return fail("type", `expected JSON text (a string), got ${json === null ? "null" : typeof json}`);
  if (json.length > max)
    return fail(
      "maxLength",
      `the JSON text is ${json.length} characters long, over the cap of ${max}; it was not parsed`,
    );
  // A UTF-8 byte-order mark decoded as text; JSON.parse rejects it, senders still emit it.
  const text = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  if (text.trim() === "") return fail("json", "the JSON text is empty");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    // The engine's message quotes the text around the fault: received text, so log-safe and bounded.
    return fail("json", `the text is not valid JSON: ${logText((e as Error).message, MAX_JSON_ERROR_TEXT)}`);
  }
  return validateErrorEnvelope(data, { mode });
}
