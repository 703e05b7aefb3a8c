import type { Contract, DialectEntry } from "../contract.js";
import { docUrlFor } from "./anchor.js";

/** A surface's type name for an error: its name at the status if it has one, else the type's (the one rule). */
export const surfaceType = (d: DialectEntry, type: string, status: number): string =>
  own(d.statusTypes, String(status)) ?? own(d.types, type) ?? "";

/** An own member only: a type named like a prototype member (`__proto__`, `toString`) names nothing inherited. */
const own = (o: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(o, key) ? o[key] : undefined;

/** One dialect as errors.json lists it (snake_case), with what the docs and the page render. */
export interface CatalogDialect {
  dialect: string;
  title: string;
  description: string;
  request_id_headers: string[];
  types: Record<string, string>;
  status_types: Record<string, string>;
  /** The surface's name at every status of the table, for a response without a code (the status's type). */
  type_by_status: Record<string, string>;
  constants: Record<string, string>;
  members: Record<string, string>;
  spread: Record<string, string>;
  status_member: string | null;
  codeless: "null" | "omit";
  sse: { event: string | null; retryable: string };
  /** An example: the body of the example code on this surface, and its error event in a stream. */
  example: { code: string; status: number; body: Record<string, unknown>; event: string };
}

/** Writes `value` at `pointer`, creating objects (arrays where the next key is a number) on the way. */
function setAt(body: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer
    .slice(1)
    .split("/")
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: Record<string, unknown> = body;
  keys.forEach((key, i) => {
    if (i === keys.length - 1) node[key] = value;
    else node = (node[key] ??= /^\d+$/.test(keys[i + 1] ?? "") ? [] : {}) as Record<string, unknown>;
  });
}

/** A body on a surface: constants, the status, then each member at its place (spread members as strings). */
export function renderBody(d: DialectEntry, status: number, values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [pointer, value] of Object.entries(d.constants)) setAt(body, pointer, value);
  if (d.statusMember !== null) setAt(body, d.statusMember, status);
  for (const [member, pointer] of Object.entries(d.members)) {
    const value = values[member];
    if (value === undefined || (value === null && member === "code" && d.codeless === "omit")) continue;
    const prefix = d.spread[member];
    if (prefix === undefined) setAt(body, pointer, value);
    else for (const [k, v] of Object.entries(value as object)) setAt(body, `${pointer}/${prefix}${k}`, String(v));
  }
  return body;
}

/** The error event's text: the event line (if named), the body with the retryable flag, the blank line. */
function eventText(d: DialectEntry, body: Record<string, unknown>, retryable: boolean): string {
  const data = structuredClone(body);
  setAt(data, d.sse.retryable, retryable);
  return `${d.sse.event === null ? "" : `event: ${d.sse.event}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/** Every dialect as plain data, in schema order. Shared by errors.json, docs/errors.md and the page. */
export function dialectDocument(contract: Contract): CatalogDialect[] {
  const code = contract.codes.find((c) => c.retryable) ?? contract.codes[0];
  return contract.dialects.dialects.map((d) => {
    const values: Record<string, unknown> = code
      ? {
          message: code.meaning,
          type: surfaceType(d, code.type, code.status),
          code: code.code,
          request_id: "req_123",
          doc_url: docUrlFor(contract.rules.referenceUrl, code.code),
        }
      : {};
    const status = code?.status ?? 500;
    const body = renderBody(d, status, values);
    return {
      dialect: d.dialect,
      title: d.title,
      description: d.description,
      request_id_headers: d.requestIdHeaders,
      types: d.types,
      status_types: d.statusTypes,
      type_by_status: Object.fromEntries(
        contract.statuses.map((s) => [String(s.status), surfaceType(d, s.type, s.status)]),
      ),
      constants: d.constants,
      members: d.members,
      spread: d.spread,
      status_member: d.statusMember,
      codeless: d.codeless,
      sse: d.sse,
      example: { code: code?.code ?? "", status, body, event: eventText(d, body, code?.retryable ?? false) },
    };
  });
}
