import { codeBanner } from "../banner.js";
import type { Contract, DialectEntry } from "../contract.js";
import { frozen, key } from "./catalog.js";

const str = (s: string): string => JSON.stringify(s);
/** A `{ key: "value" }` literal on one line, keys in data order. */
const record = (o: Readonly<Record<string, string>>): string => {
  const members = Object.entries(o).map(([k, v]) => `${key(k)}: ${str(v)}`);
  return members.length === 0 ? "{}" : `{ ${members.join(", ")} }`;
};

function entry(d: DialectEntry): string {
  const fields = [
    `title: ${str(d.title)}`,
    `requestIdHeaders: [${d.requestIdHeaders.map(str).join(", ")}]`,
    `types: ${record(d.types)}`,
    `statusTypes: ${record(d.statusTypes)}`,
    `constants: ${record(d.constants)}`,
    `members: ${record(d.members)}`,
    `spread: ${record(d.spread)}`,
    `statusMember: ${d.statusMember === null ? "null" : str(d.statusMember)}`,
    `codeless: ${str(d.codeless)}`,
    `sse: { event: ${d.sse.event === null ? "null" : str(d.sse.event)}, retryable: ${str(d.sse.retryable)} }`,
  ];
  return `  ${key(d.dialect)}: {\n${fields.map((f) => `    ${f},\n`).join("")}  },`;
}

/**
 * The dialects (contract 1.2): `Dialect`, `DIALECT_NAMES`, `DIALECTS` (frozen deeply, literal
 * types), `isDialect` and `dialectErrorType`, the one rule for a surface's type name. The
 * descriptions stay in the docs: a browser bundle that reads a dialect carries no prose.
 */
export function generateDialects(contract: Contract): string {
  const { dialects } = contract.dialects;
  const names = dialects.map((d) => str(d.dialect));
  return `${codeBanner()}
import { deepFreeze } from "../freeze.js";
import type { ErrorBody, ErrorType } from "./types.js";

/** The name of an API surface's error dialect: how a contract error is rendered there. */
export type Dialect = ${names.join(" | ")};

/** Every dialect, in schema order; the first is the default (the envelope itself). */
export const DIALECT_NAMES = ${frozen(`[${names.join(", ")}] as const satisfies readonly Dialect[]`, "flat")};

/** The error event of a dialect inside a started event stream. */
export interface DialectSse {
  /** The event's name; null: an unnamed event (\`data:\` only). */
  readonly event: string | null;
  /** JSON Pointer of the root boolean that stands in for \`x-should-retry\` in the event's data. */
  readonly retryable: string;
}

/** How a contract error is rendered on one API surface (schemas: \`x-dialects\`). */
export interface DialectEntry {
  /** The surface's name for people. */
  readonly title: string;
  /** The response headers that carry the request id (every response, the 200 of a stream too), the contract's first. */
  readonly requestIdHeaders: readonly string[];
  /** The surface's type name for each contract type. */
  readonly types: { readonly [T in ErrorType]: string };
  /** Surface type names that replace the type's at an HTTP status. */
  readonly statusTypes: { readonly [status: number]: string };
  /** Members every body has: JSON Pointer -> value. */
  readonly constants: { readonly [pointer: string]: string };
  /** Where each member of the contract's ErrorBody goes, as a JSON Pointer (RFC 6901) into the body. */
  readonly members: { readonly [M in keyof ErrorBody]-?: string };
  /** Object members written as strings beside each other into the object \`members\` names, each name prefixed. */
  readonly spread: { readonly [M in keyof ErrorBody]?: string };
  /** Where the HTTP status goes as a number, or null. */
  readonly statusMember: string | null;
  /** What an error without a business code writes: the member with null, or nothing. */
  readonly codeless: "null" | "omit";
  readonly sse: DialectSse;
}

/**
 * Every dialect's rendering rules. A member the error does not have is not written; objects
 * and arrays on a member's path are created. Literal types throughout:
 * \`DIALECTS.anthropic.members.code\` is the type \`"/error/details/error_code"\`.
 */
export const DIALECTS = ${frozen(
    `{
${dialects.map(entry).join("\n")}
} as const satisfies { readonly [D in Dialect]: DialectEntry }`,
    "nested",
  )};

/** True when \`value\` names a dialect. Never throws. */
export function isDialect(value: unknown): value is Dialect {
  return typeof value === "string" && (DIALECT_NAMES as readonly string[]).includes(value);
}

/**
 * The type name an error has on a dialect's surface: the dialect's name for its HTTP status if
 * it has one, else its name for the contract type. Throws a TypeError for an unknown dialect
 * or type (a programming error).
 */
export function dialectErrorType(dialect: Dialect, type: ErrorType, status: number): string {
  if (!isDialect(dialect)) throw new TypeError(\`unknown dialect \${String(dialect)}: use one of \${DIALECT_NAMES.join(", ")}\`);
  const rules: DialectEntry = DIALECTS[dialect];
  const byStatus = Object.hasOwn(rules.statusTypes, status) ? rules.statusTypes[status] : undefined;
  const byType = Object.hasOwn(rules.types, type) ? rules.types[type] : undefined;
  const name = byStatus ?? byType;
  if (name === undefined) throw new TypeError(\`unknown error type \${String(type)}\`);
  return name;
}
`;
}
