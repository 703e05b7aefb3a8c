import { ENVELOPE_META_KEYS } from "../model.js";
import { isObject, type JsonObject } from "../schema-set.js";
import { at, type ChangeLog } from "./json.js";
import { diffValueSchema } from "./value-schema.js";

/**
 * Classifies changes to an envelope schema (strict or lenient): its members, the required
 * set, unknown members, and every `$defs` object it references (ErrorBody, ...). The
 * contract-wide metadata it carries (status table, message cap, reference URL) is left to
 * the metadata rules, which read it from the model.
 */
export function diffEnvelope(log: ChangeLog, before: JsonObject, after: JsonObject, holdsMetadata: boolean): void {
  const name = typeof after["title"] === "string" ? after["title"] : "envelope";
  diffValueSchema(log, "", before, after, name, new Set(holdsMetadata ? ["$defs", ...ENVELOPE_META_KEYS] : ["$defs"]));
  const was = isObject(before["$defs"]) ? before["$defs"] : {};
  const now = isObject(after["$defs"]) ? after["$defs"] : {};
  for (const def of Object.keys(was)) {
    if (!Object.hasOwn(now, def))
      log.add("definition-removed", at("/$defs", def), def, `${name}: definition "${def}" removed`);
  }
  for (const [def, schema] of Object.entries(now)) {
    if (!Object.hasOwn(was, def))
      log.add("definition-added", at("/$defs", def), def, `${name}: definition "${def}" added`);
    else diffValueSchema(log, at("/$defs", def), was[def], schema, def);
  }
}
