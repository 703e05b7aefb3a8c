import { isJsonObject, type Json, type JsonObject } from "../json.js";
import { at, keysOf, memberUnder, valueAt } from "../pointer.js";
import type { SchemaName } from "../schema-files.js";
import { CODE_META, CONTRACT_SETTINGS, type Fact, type Located, STATUS_ROW } from "../vocabulary.js";

/** One `{ "const": ... }` entry of a closed list (a code, a type), as found. */
export interface ConstEntry {
  value: string;
  pointer: string;
  entry: JsonObject;
}

/** One code and its metadata as found, members by the vocabulary's names (`status`, `type`, ...). */
export interface FoundCode {
  code: string;
  pointer: string;
  metaPointer: string;
  entry: JsonObject;
  meta: JsonObject;
  members: Record<string, Json | undefined>;
  /** Statuses the code may be sent with besides the canonical one (`{ status, when }` or bare numbers). */
  otherStatuses: Map<number, { when: Json | undefined; pointer: string }>;
}

/** One row of the status table as found (an array of rows, or the old object keyed by status). */
export interface FoundStatusRow {
  status: string;
  pointer: string;
  row: JsonObject;
}

const obj = (v: Json | undefined): JsonObject => (isJsonObject(v) ? v : {});

/** The entries of an `anyOf` const list that have a string const. */
export function constEntries(schema: JsonObject): ConstEntry[] {
  const list = Array.isArray(schema["anyOf"]) ? schema["anyOf"] : [];
  return list.flatMap((entry, i) =>
    isJsonObject(entry) && typeof entry["const"] === "string"
      ? [{ value: entry["const"], pointer: at("/anyOf", i), entry }]
      : [],
  );
}

function otherStatuses(
  list: Json | undefined,
  canonical: Json | undefined,
  pointer: string,
): FoundCode["otherStatuses"] {
  const out: FoundCode["otherStatuses"] = new Map();
  if (!Array.isArray(list)) return out;
  list.forEach((item, i) => {
    const status =
      typeof item === "number"
        ? item
        : isJsonObject(item) && typeof item["status"] === "number"
          ? item["status"]
          : undefined;
    if (status === undefined || status === canonical) return;
    out.set(status, { when: isJsonObject(item) ? item["when"] : undefined, pointer: at(pointer, i) });
  });
  return out;
}

/** Every code with whatever metadata it has; members named by the vocabulary. */
export function findCodes(schema: JsonObject, vocabulary: Readonly<Record<string, Fact>>): FoundCode[] {
  const metaKey = keysOf(CODE_META).at(-1) as string;
  const names = Object.values(vocabulary).flatMap((f) => memberUnder(f.pointer, CODE_META) ?? []);
  return constEntries(schema).map(({ value, pointer, entry }) => {
    const metaPointer = at(pointer, metaKey);
    const meta = obj(entry[metaKey]);
    const members = Object.fromEntries(names.map((n) => [n, meta[n]]));
    const others = otherStatuses(meta["otherStatuses"], meta["status"], at(metaPointer, "otherStatuses"));
    return { code: value, pointer, metaPointer, entry, meta, members, otherStatuses: others };
  });
}

/** The status table by status (`"400"`, `"5xx"`...), or undefined when the schema has none. */
export function findStatusRows(envelope: JsonObject): Map<string, FoundStatusRow> | undefined {
  const pointer = STATUS_ROW.slice(0, -2);
  const table = valueAt(envelope, pointer);
  if (table === undefined) return undefined;
  const rows = new Map<string, FoundStatusRow>();
  if (Array.isArray(table)) {
    table.forEach((row, i) => {
      if (isJsonObject(row) && (typeof row["status"] === "string" || typeof row["status"] === "number"))
        rows.set(String(row["status"]), { status: String(row["status"]), pointer: at(pointer, i), row });
    });
  } else if (isJsonObject(table)) {
    for (const [status, row] of Object.entries(table))
      if (isJsonObject(row)) rows.set(status, { status, pointer: at(pointer, status), row });
  }
  return rows;
}

/** Every contract-wide fact (no `*` in its pointer) that the schemas state, by vocabulary id. */
export function findFacts(
  schemas: Record<SchemaName, JsonObject>,
  vocabulary: Readonly<Record<string, Fact>>,
): Record<string, Located<Json>> {
  const out: Record<string, Located<Json>> = {};
  for (const [id, fact] of Object.entries(vocabulary)) {
    if (fact.pointer.includes("*")) continue;
    const value = valueAt(schemas[fact.file], fact.pointer);
    if (value !== undefined) out[id] = { value, file: fact.file, pointer: fact.pointer };
  }
  return out;
}

/** The settings object (an empty object when absent) with its pointer. */
export const findSettings = (envelope: JsonObject): Located<JsonObject> => ({
  value: obj(valueAt(envelope, CONTRACT_SETTINGS)),
  file: "envelope",
  pointer: CONTRACT_SETTINGS,
});
