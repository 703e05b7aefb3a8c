import type { JsonObject } from "../schema-set.js";
import { isObject } from "../schema-set.js";
import { byValue, type ConstEntry, constEntries, diffListShape, entryPointer } from "./const-list.js";
import { diffRemainingKeys } from "./generic.js";
import { at, type ChangeLog, jsonEqual, show } from "./json.js";

/** Fields of `x-error` whose change breaks someone: clients branch on them (major). */
const BREAKING_FIELDS = ["status", "type", "retryable"] as const;
/** Fields that are the reference's wording (patch). */
const WORDING_FIELDS = ["meaning", "action"] as const;
const KNOWN_FIELDS: ReadonlySet<string> = new Set([...BREAKING_FIELDS, ...WORDING_FIELDS]);

const meta = (e: ConstEntry): JsonObject => (isObject(e.entry["x-error"]) ? e.entry["x-error"] : {});

/** "status 409, type invalid_request_error, retryable" - a code's metadata in one phrase. */
function summary(e: ConstEntry): string {
  const m = meta(e);
  return `status ${show(m["status"])}, type ${String(m["type"])}, ${m["retryable"] === true ? "retryable" : "not retryable"}`;
}

/**
 * A removed code and an added code with the same status, type, retryability and meaning are
 * one code under a new name: reported as a rename (major) instead of a removal plus an addition.
 */
function pairRenames(removed: ConstEntry[], added: ConstEntry[]): Array<[ConstEntry, ConstEntry]> {
  const pairs: Array<[ConstEntry, ConstEntry]> = [];
  const sameCode = (a: ConstEntry, b: ConstEntry) => ["status", "type", "retryable", "meaning"].every((k) => jsonEqual(meta(a)[k], meta(b)[k]));
  for (const old of removed) {
    const match = added.find((n) => !pairs.some(([, p]) => p === n) && sameCode(old, n));
    if (match) pairs.push([old, match]);
  }
  return pairs;
}

/**
 * Classifies changes to schemas/error-code.schema.json: a code removed or renamed, or its
 * status, type or retryable changed is major; a code added is minor; its meaning, advice or
 * description reworded is patch.
 */
export function diffCodes(log: ChangeLog, before: JsonObject, after: JsonObject): void {
  const was = constEntries(before);
  const now = constEntries(after);
  const wasBy = byValue(was.entries);
  const nowBy = byValue(now.entries);
  const removed = was.entries.filter((e) => !nowBy.has(e.value));
  const added = now.entries.filter((e) => !wasBy.has(e.value));
  const renames = pairRenames(removed, added);
  for (const [old, renamed] of renames) log.add("major", entryPointer(renamed), `code "${old.value}" renamed to "${renamed.value}"`);
  for (const e of removed) {
    if (!renames.some(([o]) => o === e)) log.add("major", entryPointer(e), `code "${e.value}" removed`);
  }
  for (const e of added) {
    if (!renames.some(([, n]) => n === e)) log.add("minor", entryPointer(e), `code "${e.value}" added (${summary(e)})`);
  }
  for (const e of now.entries) {
    const old = wasBy.get(e.value);
    if (old) diffCode(log, old, e);
  }
  diffListShape(log, was, now, "codes");
  diffRemainingKeys(log, "", before, after, new Set(["anyOf"]), "ErrorCode schema");
}

function diffCode(log: ChangeLog, old: ConstEntry, e: ConstEntry): void {
  const pointer = entryPointer(e);
  const metaPointer = at(pointer, "x-error");
  const a = meta(old);
  const b = meta(e);
  for (const field of BREAKING_FIELDS) {
    if (!jsonEqual(a[field], b[field])) log.add("major", at(metaPointer, field), `code "${e.value}": ${field} changed ${show(a[field])} -> ${show(b[field])}`);
  }
  for (const field of WORDING_FIELDS) {
    if (!jsonEqual(a[field], b[field])) log.add("patch", at(metaPointer, field), `code "${e.value}": ${field} reworded ${show(a[field])} -> ${show(b[field])}`);
  }
  diffRemainingKeys(log, metaPointer, a, b, KNOWN_FIELDS, `code "${e.value}" x-error`);
  diffRemainingKeys(log, pointer, old.entry, e.entry, new Set(["const", "x-error"]), `code "${e.value}"`);
}
