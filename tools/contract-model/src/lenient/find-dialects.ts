import { DIALECT_ENTRY } from "../facts/dialects.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { at, valueAt } from "../pointer.js";

/** One dialect as found: its name, where it sits, its entry (whatever its shape). */
export interface FoundDialect {
  dialect: string;
  pointer: string;
  entry: JsonObject;
}

/**
 * Every dialect the envelope schema states, by name, in schema order (an empty map when it
 * states none, as 1.1 did). Entries that are no objects are read as empty: the diff reports
 * the change, strict reading the problem.
 */
export function findDialects(envelope: JsonObject): Map<string, FoundDialect> {
  const pointer = DIALECT_ENTRY.slice(0, -2);
  const list = valueAt(envelope, pointer);
  const out = new Map<string, FoundDialect>();
  if (!isJsonObject(list)) return out;
  for (const [dialect, entry] of Object.entries(list))
    out.set(dialect, { dialect, pointer: at(pointer, dialect), entry: isJsonObject(entry) ? entry : {} });
  return out;
}
