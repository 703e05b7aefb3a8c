import type { Json, JsonObject } from "../schema-set.js";
import { own } from "../utils/own.js";
import { ANNOTATION_KEYWORDS, at, type ChangeLog, jsonEqual, show } from "./json.js";

/**
 * Reports every changed key of `before`/`after` that no specific rule handled. Annotations
 * (title, description, ...) are `text-changed`. Anything else is `unknown-change`: a change the classifier does
 * not understand may break someone, so it must be looked at, and asking for a major bump is
 * the safe default (a person can still decide otherwise with a reviewed changeset).
 */
export function diffRemainingKeys(
  log: ChangeLog,
  pointer: string,
  before: JsonObject,
  after: JsonObject,
  handled: ReadonlySet<string>,
  subject: string,
  ignoreSubject: string = subject,
): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (handled.has(key)) continue;
    // Own properties only: a key named like an Object.prototype member is an ordinary key here.
    const a = own(before, key);
    const b = own(after, key);
    if (jsonEqual(a, b)) continue;
    const where = at(pointer, key);
    if (ANNOTATION_KEYWORDS.has(key)) {
      log.add("text-changed", where, ignoreSubject, `${subject}: ${key} ${describeEdit(a, b)}`);
    } else {
      log.add(
        "unknown-change",
        where,
        ignoreSubject,
        `${subject}: "${key}" ${describeEdit(a, b)} (not a change the classifier knows; major to be safe, review it)`,
      );
    }
  }
}

/** "added: X", "removed", or "changed: X -> Y". */
export function describeEdit(a: Json | undefined, b: Json | undefined): string {
  if (a === undefined) return `added: ${show(b)}`;
  if (b === undefined) return `removed (was ${show(a)})`;
  return `changed: ${show(a)} -> ${show(b)}`;
}
