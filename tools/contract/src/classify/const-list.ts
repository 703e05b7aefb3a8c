import { isObject, type Json, type JsonObject } from "../schema-set.js";
import { at, type ChangeLog, jsonEqual } from "./json.js";

/** One `{ "const": "...", ...annotations }` entry of a closed set (codes, categories). */
export interface ConstEntry {
  value: string;
  index: number;
  entry: JsonObject;
}

/** The `anyOf` entries that name a string `const`, and whatever else the list holds. */
export function constEntries(schema: JsonObject): { entries: ConstEntry[]; others: Json[] } {
  const list = Array.isArray(schema["anyOf"]) ? schema["anyOf"] : [];
  const entries: ConstEntry[] = [];
  const others: Json[] = [];
  list.forEach((entry, index) => {
    if (isObject(entry) && typeof entry["const"] === "string") entries.push({ value: entry["const"], index, entry });
    else others.push(entry);
  });
  return { entries, others };
}

/**
 * Reports list entries that are not `{ const }` objects (the generator rejects them, but the
 * diff must not pass over them silently), and a change of order among kept entries (patch:
 * it changes the order of `ERROR_CODES` / `ERROR_TYPES` and of the docs, nothing more).
 */
export function diffListShape(
  log: ChangeLog,
  was: ReturnType<typeof constEntries>,
  now: ReturnType<typeof constEntries>,
  plural: string,
): void {
  if (!jsonEqual(was.others, now.others)) {
    log.add(
      "unknown-change",
      "/anyOf",
      plural,
      `entries that are not { "const": "..." } among the ${plural} changed (not a change the classifier knows; major to be safe, review it)`,
    );
  }
  const nowValues = new Set(now.entries.map((e) => e.value));
  const wasValues = new Set(was.entries.map((e) => e.value));
  const keptBefore = was.entries.filter((e) => nowValues.has(e.value)).map((e) => e.value);
  const keptAfter = now.entries.filter((e) => wasValues.has(e.value)).map((e) => e.value);
  if (!jsonEqual(keptBefore, keptAfter))
    log.add("order-changed", "/anyOf", plural, `the order of the ${plural} changed`);
}

/** The entry of `value` in a list, by value. */
export function byValue(list: ConstEntry[]): Map<string, ConstEntry> {
  return new Map(list.map((e) => [e.value, e]));
}

/** Pointer of an entry in its file. */
export const entryPointer = (e: ConstEntry): string => at("/anyOf", e.index);
