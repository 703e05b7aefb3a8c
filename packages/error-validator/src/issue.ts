import { ERROR_CODES, ERROR_TYPES } from "@org/error-types";
import type { CompiledValidationError } from "./generated/validators.js";

/** One thing wrong with a value. */
export interface ValidationIssue {
  /** JSON Pointer to the offending value ("" for the root; a missing member's own path). */
  path: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** The rule that failed: a JSON Schema keyword (`required`, `enum`, ...) or `json` / `maxLength` / `exception`. */
  keyword: string;
}

/** The outcome of a validation: the value on success, never both. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

// Most names need no escape: skip the two regex passes for them.
const escapePointer = (key: string): string => (key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key);

/** Longest piece of received text (a value, a member name, a path) a message quotes. */
export const MAX_QUOTED_LENGTH = 80;

/** `text` cut at MAX_QUOTED_LENGTH characters, with "…" when cut: messages stay short whatever arrived. */
export function cut(text: string): string {
  if (text.length <= MAX_QUOTED_LENGTH) return text;
  // Never split a surrogate pair: half of one is not text.
  const end = (text.charCodeAt(MAX_QUOTED_LENGTH - 1) & 0xfc00) === 0xd800 ? MAX_QUOTED_LENGTH - 1 : MAX_QUOTED_LENGTH;
  return `${text.slice(0, end)}…`;
}

/** A short, safe rendering of a received value for a message (strings cut at 80 characters). */
export function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > MAX_QUOTED_LENGTH ? cut(value) : value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  // Functions would print their source: unbounded and internal.
  if (typeof value === "function") return "a function";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/** Prose for each `type` param seen ("string,number,null" -> "string, number or null"), built once. */
const typeProse = new Map<string, string>();

/** ajv's `type` param ("string,number,null" or a list) as prose: "string, number or null". */
function typeList(param: unknown): string {
  const key = String(param);
  let prose = typeProse.get(key);
  if (prose === undefined) {
    const types = key.split(",").filter(Boolean);
    prose = types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}` : (types[0] ?? "valid");
    // Params come from the generated reporters (a handful of lists); the bound is a safeguard.
    if (typeProse.size < 64) typeProse.set(key, prose);
  }
  return prose;
}

/**
 * The fixed tails of the enum messages, built the first time one is needed. Why: a message is
 * then two concatenations, not seven, on the path every rejected value takes.
 */
let codeTail: string | undefined;
let typeTail: string | undefined;
const CONTRACT_ONLY = ": strict mode accepts only the contract's members";

/** Turns the reporter's first problem into the issues a person can act on (one issue). */
export function toIssues(e: CompiledValidationError): ValidationIssue[] {
  return [toIssue(e)];
}

/** One problem as an issue: where, which rule, and a sentence that quotes at most 80 characters of what came. */
function toIssue(e: CompiledValidationError): ValidationIssue {
  const path = e.instancePath;
  // `path` stays whole (a usable JSON Pointer); messages quote it cut, like values.
  const where = path.length > MAX_QUOTED_LENGTH ? cut(path) : path;
  const value = e.data;
  switch (e.keyword) {
    case "required": {
      const member = String(e.params["missingProperty"]);
      return { path: `${path}/${escapePointer(member)}`, keyword: e.keyword, message: `${where || "the envelope"} must have the member ${JSON.stringify(cut(member))}` };
    }
    case "additionalProperties": {
      const member = String(e.params["additionalProperty"]);
      return { path: `${path}/${escapePointer(member)}`, keyword: e.keyword, message: `unknown member ${JSON.stringify(cut(member))} at ${where || "the root"}${CONTRACT_ONLY}` };
    }
    case "enum":
      if (path.endsWith("/code")) {
        codeTail ??= ` is not in the catalog: expected one of the ${ERROR_CODES.length} catalog codes (${ERROR_CODES.join(", ")}) or null`;
        return { path, keyword: e.keyword, message: "code " + describe(value) + codeTail };
      }
      if (path.endsWith("/type")) {
        typeTail ??= ` is not a known category: expected one of ${ERROR_TYPES.join(", ")}`;
        return { path, keyword: e.keyword, message: "type " + describe(value) + typeTail };
      }
      return { path, keyword: e.keyword, message: `${where} has a value outside the allowed set` };
    case "type":
      return { path, keyword: e.keyword, message: `${where || "the envelope"} must be ${typeList(e.params["type"])}, got ${describe(value)}` };
    case "maxLength":
      return { path, keyword: e.keyword, message: `${where} is longer than ${String(e.params["limit"])} characters (UTF-16 code units)` };
    default:
      return { path, keyword: e.keyword, message: `${where || "the envelope"} ${e.message ?? "is invalid"}` };
  }
}
