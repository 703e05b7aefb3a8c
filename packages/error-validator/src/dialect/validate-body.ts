import {
  type Dialect,
  DIALECT_NAMES,
  dialectErrorType,
  DIALECTS,
  ERROR_CATALOG,
  ERROR_TYPES,
  type ErrorType,
  errorTypeForHttpStatus,
  isDialect,
  isErrorCode,
  isStatusAllowedForCode,
} from "@org/error-types";
import { describe } from "../describe.js";
import { checkCopyStrict, strictJsonSchema } from "../generated/validators.js";
import { toIssues, type ValidationIssue, type ValidationResult } from "../issue.js";
import { DROP, jsonData, MAX_EXTRA_DEPTH, MAX_EXTRA_NODES } from "../lenient-copy.js";
import { validateErrorEnvelope } from "../validate.js";
import { templateOf } from "./template.js";
import { type Found, type Reading, readBody } from "./walk.js";

/** An error body of any dialect, as plain JSON data. */
export type DialectErrorBody = { [member: string]: unknown };

type Schema = { type?: unknown; properties?: Record<string, Schema> };
/** The strict envelope's member schemas: which parts of a spread member are numbers (written as text). */
const BODY = ((strictJsonSchema as Schema).properties?.["error"]?.properties ?? {}) as Record<string, Schema>;

const issue = (path: string, keyword: string, message: string): ValidationResult<never> => ({
  ok: false,
  issues: [{ path, keyword, message }],
});

/**
 * The contract type of the error and the surface names it may have: the code's catalog type
 * (at the body's status, else at any status of the code), or without a code the type of the
 * body's status; with neither, any name of the dialect (any type does for the envelope check).
 */
function typeNames(dialect: Dialect, code: unknown, status: number | undefined): { type: ErrorType; names: string[] } {
  if (isErrorCode(code)) {
    const { type, statuses } = ERROR_CATALOG[code];
    return { type, names: (status === undefined ? statuses : [status]).map((s) => dialectErrorType(dialect, type, s)) };
  }
  if (status !== undefined && (code === undefined || code === null)) {
    const type = errorTypeForHttpStatus(status);
    return { type, names: [dialectErrorType(dialect, type, status)] };
  }
  const d = DIALECTS[dialect];
  return { type: ERROR_TYPES[0], names: [...Object.values(d.types), ...(Object.values(d.statusTypes) as string[])] };
}

/** A spread member's parts, back as the member's object: number parts from their decimal text. */
function gather(
  member: string,
  parts: Map<string, Found>,
): { ok: true; value: Record<string, unknown> } | { ok: false; issues: ValidationIssue[] } {
  const out: Record<string, unknown> = {};
  for (const [name, { value, path }] of parts) {
    if (typeof value !== "string")
      return { ok: false, issues: [{ path, keyword: "type", message: `must be a string, got ${describe(value)}` }] };
    const number = BODY[member]?.properties?.[name]?.type === "number";
    out[name] = number && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  }
  return { ok: true, value: out };
}

/** The body's place of an envelope path (`/error/code/...` -> `/error/details/error_code/...`). */
function placeOf(dialect: Dialect, envelopePath: string, reading: Reading): string {
  const [, , member = "", ...rest] = envelopePath.split("/");
  const d = DIALECTS[dialect];
  const pointer = (d.members as Record<string, string | undefined>)[member];
  if (pointer === undefined) return "";
  const prefix = (d.spread as Record<string, string | undefined>)[member];
  if (prefix !== undefined) return rest.length > 0 ? `${pointer}/${prefix}${rest.join("/")}` : pointer;
  return [reading.members.get(member)?.path ?? pointer, ...rest].join("/");
}

function check(dialect: Dialect, body: unknown): ValidationResult<DialectErrorBody> {
  const d = DIALECTS[dialect];
  const copy = jsonData(body, MAX_EXTRA_DEPTH, { left: MAX_EXTRA_NODES });
  if (copy === DROP)
    return issue("", "json", "must be JSON data: plain objects, arrays, strings, numbers, booleans, null");
  const read = readBody(
    templateOf(dialect),
    copy,
    new Set(d.codeless === "null" ? ["message", "type", "code"] : ["message", "type"]),
  );
  if (!read.ok) return { ok: false, issues: [read.issue] };
  const { reading } = read;
  const type = reading.members.get("type") as Found;
  const status = reading.status?.value as number | undefined;
  const code = reading.members.get("code");
  if (reading.status && isErrorCode(code?.value) && !isStatusAllowedForCode(code.value, status as number))
    return issue(
      reading.status.path,
      "enum",
      `must be a status of code ${describe(code.value)}, got ${describe(status)}`,
    );
  const { type: contract, names } = typeNames(dialect, code?.value, status);
  if (typeof type.value !== "string" || !names.includes(type.value))
    return issue(
      type.path,
      "enum",
      `must be ${[...new Set(names)].map((n) => describe(n)).join(" or ")} here, got ${describe(type.value)}`,
    );
  if (d.codeless === "omit" && code?.value === null)
    return issue(code.path, "type", "must be a catalog code: a body without one leaves the member out");
  const error: Record<string, unknown> = { code: null };
  for (const [member, found] of reading.members) error[member] = found.value;
  for (const [member, parts] of reading.parts) {
    const gathered = gather(member, parts);
    if (!gathered.ok) return gathered;
    error[member] = gathered.value;
  }
  error["type"] = contract;
  const checked = checkCopyStrict({ error });
  if (checked.ok) return { ok: true, value: copy as DialectErrorBody };
  return { ok: false, issues: toIssues(checked).map((i) => ({ ...i, path: placeOf(dialect, i.path, reading) })) };
}

/**
 * Validates an error body of a dialect strictly (producers): the shape its rules give (`DIALECTS`:
 * constants, members at their places, nothing else), the surface's type name (for its status,
 * where the body carries one), and every contract member as the strict envelope checks it.
 * Returns a plain JSON copy of the body, or the first issue with the body's JSON Pointer.
 * `openai` is the envelope itself: the same answer as strict `validateErrorEnvelope`. Never
 * throws on bad data; an unknown dialect is a TypeError.
 */
export function validateErrorBody(dialect: Dialect, body: unknown): ValidationResult<DialectErrorBody> {
  if (!isDialect(dialect))
    throw new TypeError(
      `@org/error-validator: dialect must be one of ${DIALECT_NAMES.join(", ")}, got ${describe(dialect)}`,
    );
  if (dialect === DIALECT_NAMES[0])
    return validateErrorEnvelope(body, { mode: "strict" }) as ValidationResult<DialectErrorBody>;
  try {
    return check(dialect, body);
  } catch (e) {
    // A getter or proxy that throws while being copied.
    return issue(
      "",
      "exception",
      `the value could not be read: ${e instanceof Error ? "it threw an Error" : "it threw"}`,
    );
  }
}

/** True when `body` is a strict error body of `dialect` (see `validateErrorBody`). Never throws on bad data. */
export function isErrorBody(dialect: Dialect, body: unknown): boolean {
  return validateErrorBody(dialect, body).ok;
}
