import { type Dialect, dialectErrorType, DIALECTS, type ErrorType } from "@org/error-types";

/** What a contract error holds, before a dialect renders it. */
export interface ErrorFields {
  message: string;
  type: ErrorType;
  code: string | null;
  status: number;
  param?: string | null;
  request_id?: string;
  doc_url?: string;
  upstream?: { provider: string; status?: number; code?: string; type?: string; request_id?: string };
}

type Node = Record<string, unknown> | unknown[];

/** Writes `value` at `pointer` in `body`, creating objects (arrays where the next key is a number) on the way. */
export function setAt(body: Node, pointer: string, value: unknown): void {
  const keys = pointer
    .slice(1)
    .split("/")
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = body as Record<string, unknown>;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) node[key] = value;
    else {
      node[key] ??= /^\d+$/.test(keys[i + 1] ?? "") ? [] : {};
      node = node[key] as Record<string, unknown>;
    }
  });
}

/**
 * A body as the dialect's rules describe it, written here independently of the validator's
 * reader (a plain pointer writer over `DIALECTS`): the tests' model of what a server sends.
 */
export function render(dialect: Dialect, fields: ErrorFields): Record<string, unknown> {
  const d = DIALECTS[dialect];
  const body: Record<string, unknown> = {};
  for (const [pointer, value] of Object.entries(d.constants)) setAt(body, pointer, value);
  if (d.statusMember !== null) setAt(body, d.statusMember, fields.status);
  const values: Record<string, unknown> = { ...fields, type: dialectErrorType(dialect, fields.type, fields.status) };
  for (const [member, pointer] of Object.entries(d.members)) {
    const value = values[member];
    if (value === undefined || (member === "code" && value === null && d.codeless === "omit")) continue;
    const prefix = (d.spread as Record<string, string | undefined>)[member];
    if (prefix === undefined) setAt(body, pointer, value);
    else for (const [k, v] of Object.entries(value as object)) setAt(body, `${pointer}/${prefix}${k}`, String(v));
  }
  return body;
}
