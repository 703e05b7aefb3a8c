import { isObject, type JsonObject } from "../schema-set.js";
import { at, type ChangeLog, jsonEqual } from "./json.js";
import { diffValueSchema } from "./value-schema.js";

/**
 * Classifies changes to an envelope schema (strict or lenient): its fields, the required
 * set, unknown members, and every `$defs` object it references (ErrorBody, ...). A field
 * removed, made required or narrowed, or the required set grown, is major; an optional field
 * added or a field widened is minor; descriptions are patch. `x-http-statuses` is the
 * reference's status table, documentation only: patch.
 */
export function diffEnvelope(log: ChangeLog, before: JsonObject, after: JsonObject): void {
  const name = typeof after["title"] === "string" ? after["title"] : "envelope";
  diffValueSchema(log, "", before, after, name, new Set(["$defs", "x-http-statuses"]));
  if (!jsonEqual(before["x-http-statuses"], after["x-http-statuses"])) {
    log.add("patch", "/x-http-statuses", `${name}: the HTTP status table (x-http-statuses) changed`);
  }
  const was = isObject(before["$defs"]) ? before["$defs"] : {};
  const now = isObject(after["$defs"]) ? after["$defs"] : {};
  for (const def of Object.keys(was)) {
    if (!Object.hasOwn(now, def)) log.add("major", at("/$defs", def), `${name}: definition "${def}" removed`);
  }
  for (const [def, schema] of Object.entries(now)) {
    if (!Object.hasOwn(was, def)) log.add("minor", at("/$defs", def), `${name}: definition "${def}" added`);
    else diffValueSchema(log, at("/$defs", def), was[def], schema, def);
  }
}
