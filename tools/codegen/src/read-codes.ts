import { SCHEMA_DIR, SCHEMA_FILES } from "@org/contract-model";
import {
  type CodeEntry,
  isJsonObject,
  type JsonObject,
  type OtherStatus,
  type StatusRow,
  type TypeEntry,
} from "./contract.js";
import { SchemaError } from "./schema-error.js";

const REL = `${SCHEMA_DIR}/${SCHEMA_FILES.code}`;
const REQUIRED = ["status", "type", "meaning", "action", "retryable"] as const;
const OPTIONAL = ["otherStatuses"] as const;
const KNOWN: readonly string[] = [...REQUIRED, ...OPTIONAL];

/** The `anyOf` list of `{ const, ...annotations }` that encodes a closed set of strings. */
export function constList(rel: string, schema: JsonObject): JsonObject[] {
  const list = schema["anyOf"];
  if (!Array.isArray(list) || list.length === 0) {
    throw new SchemaError(rel, "/anyOf", 'must be a non-empty list of { "const": ... } entries');
  }
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const value = isJsonObject(entry) ? entry["const"] : undefined;
    if (!isJsonObject(entry) || typeof value !== "string" || value === "") {
      throw new SchemaError(rel, `/anyOf/${i}`, 'must be an object with a non-empty string "const"');
    }
    if (seen.has(value)) throw new SchemaError(rel, `/anyOf/${i}/const`, `"${value}" is listed twice`);
    seen.add(value);
    return entry;
  });
}

const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** `otherStatuses`: statuses of the table, none twice, not the canonical one, each with a "when". */
function readOtherStatuses(
  value: unknown,
  at: string,
  code: string,
  canonical: number,
  table: ReadonlySet<number>,
): OtherStatus[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new SchemaError(REL, at, `code "${code}": otherStatuses must be a list of { status, when }`);
  const seen = new Set([canonical]);
  return value.map((item, i) => {
    if (
      !isJsonObject(item) ||
      typeof item["status"] !== "number" ||
      !nonEmpty(item["when"]) ||
      Object.keys(item).length !== 2
    ) {
      throw new SchemaError(
        REL,
        `${at}/${i}`,
        `code "${code}": each other status must be { "status": number, "when": non-empty string }`,
      );
    }
    const status = item["status"];
    if (!table.has(status))
      throw new SchemaError(
        REL,
        `${at}/${i}/status`,
        `code "${code}": status ${status} is not in x-http-statuses (${[...table].join(", ")})`,
      );
    if (seen.has(status))
      throw new SchemaError(REL, `${at}/${i}/status`, `code "${code}": status ${status} is listed twice`);
    seen.add(status);
    return { status, when: item["when"] };
  });
}

/** Every code of error-code.schema.json with its `x-error` metadata, checked against the type and status tables. */
export function readCodes(schema: JsonObject, types: TypeEntry[], statuses: StatusRow[]): CodeEntry[] {
  const known = new Set(types.map((t) => t.type));
  const table = new Set(statuses.map((s) => s.status));
  return constList(REL, schema).map((entry, i) => {
    const at = `/anyOf/${i}/x-error`;
    const code = entry["const"] as string;
    const meta = entry["x-error"];
    if (!isJsonObject(meta))
      throw new SchemaError(REL, at, `code "${code}" needs an "x-error" object with ${REQUIRED.join(", ")}`);
    for (const field of REQUIRED) {
      if (!(field in meta))
        throw new SchemaError(
          REL,
          `${at}/${field}`,
          `code "${code}" has no "${field}" (every code needs ${REQUIRED.join(", ")})`,
        );
    }
    const { status, type, meaning, action, retryable } = meta;
    if (typeof status !== "number" || !table.has(status)) {
      throw new SchemaError(
        REL,
        `${at}/status`,
        `code "${code}": status must be one of the statuses of x-http-statuses (${[...table].join(", ")})`,
      );
    }
    if (typeof type !== "string" || !known.has(type)) {
      throw new SchemaError(
        REL,
        `${at}/type`,
        `code "${code}": type must be one of the categories of ${SCHEMA_FILES.type} (${[...known].join(", ")})`,
      );
    }
    for (const [field, value] of [
      ["meaning", meaning],
      ["action", action],
    ] as const) {
      if (!nonEmpty(value))
        throw new SchemaError(REL, `${at}/${field}`, `code "${code}": ${field} must be a non-empty string`);
    }
    if (typeof retryable !== "boolean")
      throw new SchemaError(REL, `${at}/retryable`, `code "${code}": retryable must be true or false`);
    const extra = Object.keys(meta).filter((k) => !KNOWN.includes(k));
    if (extra.length > 0)
      throw new SchemaError(REL, `${at}/${extra[0]}`, `code "${code}": unknown metadata field "${extra[0]}"`);
    const otherStatuses = readOtherStatuses(meta["otherStatuses"], `${at}/otherStatuses`, code, status, table);
    return { code, status, otherStatuses, type, meaning: meaning as string, action: action as string, retryable };
  });
}
