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

const escapePointer = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

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
  if (typeof value === "string") return JSON.stringify(cut(value));
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  // Functions would print their source: unbounded and internal.
  if (typeof value === "function") return "a function";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`;
}

/** ajv's `type` param ("string,number,null" or a list) as prose: "string, number or null". */
function typeList(param: unknown): string {
  const types = (Array.isArray(param) ? param.map(String) : String(param).split(",")).filter(Boolean);
  return types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}` : (types[0] ?? "valid");
}

/** Reads the value at a JSON Pointer produced by ajv (segments escaped), or undefined. */
function at(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (typeof node !== "object" || node === null || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Turns ajv's report into issues a person can act on. */
export function toIssues(errors: readonly CompiledValidationError[] | null | undefined, data: unknown): ValidationIssue[] {
  if (!errors || errors.length === 0) return [{ path: "", keyword: "unknown", message: "the value is not a valid error envelope" }];
  return errors.map((e) => {
    const path = e.instancePath;
    // `path` stays whole (a usable JSON Pointer); messages quote it cut, like values.
    const where = cut(path);
    const value = at(data, path);
    switch (e.keyword) {
      case "required": {
        const member = String(e.params["missingProperty"]);
        return { path: `${path}/${escapePointer(member)}`, keyword: e.keyword, message: `${where || "the envelope"} must have the member ${JSON.stringify(cut(member))}` };
      }
      case "additionalProperties": {
        const member = String(e.params["additionalProperty"]);
        return { path: `${path}/${escapePointer(member)}`, keyword: e.keyword, message: `unknown member ${JSON.stringify(cut(member))} at ${where || "the root"}: strict mode accepts only the contract's members` };
      }
      case "enum":
        if (path.endsWith("/code")) {
          return { path, keyword: e.keyword, message: `code ${describe(value)} is not in the catalog: expected one of the ${ERROR_CODES.length} catalog codes (${ERROR_CODES.join(", ")}) or null` };
        }
        if (path.endsWith("/type")) {
          return { path, keyword: e.keyword, message: `type ${describe(value)} is not a known category: expected one of ${ERROR_TYPES.join(", ")}` };
        }
        return { path, keyword: e.keyword, message: `${where} has a value outside the allowed set` };
      case "type":
        return { path, keyword: e.keyword, message: `${where || "the envelope"} must be ${typeList(e.params["type"])}, got ${describe(value)}` };
      case "maxLength":
        return { path, keyword: e.keyword, message: `${where} is longer than ${String(e.params["limit"])} characters (UTF-16 code units)` };
      default:
        return { path, keyword: e.keyword, message: `${where || "the envelope"} ${e.message ?? "is invalid"}` };
    }
  });
}
