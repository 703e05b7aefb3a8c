import type { ErrorEnvelope } from "@org/error-types";
import { ERROR_CODES, ERROR_TYPES } from "@org/error-types";

/** The contract's cap on `error.message`, in UTF-16 code units (the validator's MAX_MESSAGE_LENGTH). */
const MAX_MESSAGE_LENGTH = 65_536;

const TYPES: ReadonlySet<unknown> = new Set<string>(ERROR_TYPES);
const CODES: ReadonlySet<unknown> = new Set<string>(ERROR_CODES);

/**
 * The baseline: the type guard a careful engineer writes by hand for exactly the strict
 * contract. An object (not an array) whose only member is `error`; `error` an object whose
 * members are among message/type/code/param, with `message` a string of at most 65,536
 * UTF-16 units, `type` one of the 7 categories, `code` one of the 26 codes or null, and
 * `param`, when present, a string or null.
 *
 * Why `for...in` for the member check: it is what ajv's `additionalProperties: false`
 * compiles to, so both sides agree on inherited enumerable members too. Why Sets: the
 * idiomatic hand-written membership test, and a hash lookup beats 26 comparisons on a miss.
 */
export function isEnvelopeByHand(data: unknown): data is ErrorEnvelope {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return false;
  for (const key in data) if (key !== "error") return false;
  const error = (data as { error?: unknown }).error;
  if (typeof error !== "object" || error === null || Array.isArray(error)) return false;
  for (const key in error) {
    if (key !== "message" && key !== "type" && key !== "code" && key !== "param") return false;
  }
  const { message, type, code, param } = error as Record<string, unknown>;
  if (typeof message !== "string" || message.length > MAX_MESSAGE_LENGTH) return false;
  if (!TYPES.has(type)) return false;
  if (code !== null && !CODES.has(code)) return false;
  return param === undefined || param === null || typeof param === "string";
}
