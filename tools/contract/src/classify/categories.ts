import type { JsonObject } from "../schema-set.js";
import { byValue, constEntries, diffListShape, entryPointer } from "./const-list.js";
import { diffRemainingKeys } from "./generic.js";
import type { ChangeLog } from "./json.js";

/**
 * Classifies changes to schemas/error-type.schema.json: a `type` category added is minor
 * (older strict validators reject it, but a lenient client accepts any string), removed is
 * major; a reworded description is patch.
 */
export function diffCategories(log: ChangeLog, before: JsonObject, after: JsonObject): void {
  const was = constEntries(before);
  const now = constEntries(after);
  const wasBy = byValue(was.entries);
  const nowBy = byValue(now.entries);
  for (const e of was.entries) {
    if (!nowBy.has(e.value)) log.add("type-removed", entryPointer(e), e.value, `type category "${e.value}" removed`);
  }
  for (const e of now.entries) {
    const old = wasBy.get(e.value);
    if (!old) log.add("type-added", entryPointer(e), e.value, `type category "${e.value}" added`);
    else
      diffRemainingKeys(
        log,
        entryPointer(e),
        old.entry,
        e.entry,
        new Set(["const"]),
        `type category "${e.value}"`,
        e.value,
      );
  }
  diffListShape(log, was, now, "type categories");
  diffRemainingKeys(log, "", before, after, new Set(["anyOf"]), "ErrorType schema");
}
