import type { FoundDialect } from "@org/contract-model";
import type { ContractModel } from "../model.js";
import type { Json, JsonObject } from "../schema-set.js";
import { isObject } from "../schema-set.js";
import { own } from "../utils/own.js";
import { diffRemainingKeys } from "./generic.js";
import { at, type ChangeLog, jsonEqual, show } from "./json.js";

type Rule =
  | "dialect-type-map-changed"
  | "dialect-type-name-added"
  | "dialect-member-moved"
  | "dialect-member-added"
  | "dialect-sse-changed"
  | "text-changed";

/** The rule for one key of a map: what it means when the key is added, changed or removed. */
interface KeyRules {
  added: Rule;
  changed: Rule;
  removed: Rule;
}
const NAMES: KeyRules = {
  added: "dialect-type-name-added",
  changed: "dialect-type-map-changed",
  removed: "dialect-type-map-changed",
};
/** A status name added or removed changes the name an error at that status has: as breaking as a rename. */
const STATUS_NAMES: KeyRules = {
  added: "dialect-type-map-changed",
  changed: "dialect-type-map-changed",
  removed: "dialect-type-map-changed",
};
const PLACES: KeyRules = {
  added: "dialect-member-added",
  changed: "dialect-member-moved",
  removed: "dialect-member-moved",
};

/** The fields of an entry, and what a change of each means; the rest are unknown changes. */
const MAPS: Record<string, KeyRules> = { types: NAMES, statusTypes: STATUS_NAMES, members: PLACES, constants: PLACES };
const TEXTS = ["title", "description"];
const PLACE_FIELDS = ["statusMember", "codeless"];
const HANDLED: ReadonlySet<string> = new Set([
  ...Object.keys(MAPS),
  ...TEXTS,
  ...PLACE_FIELDS,
  "spread",
  "sse",
  "requestIdHeaders",
]);

const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});

function diffMap(
  log: ChangeLog,
  d: FoundDialect,
  field: string,
  [was, now]: [JsonObject, JsonObject],
  rules: KeyRules,
  skipAdded: (key: string) => boolean = () => false,
): void {
  for (const key of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const a = own(was, key);
    const b = own(now, key);
    if (jsonEqual(a, b) || (a === undefined && skipAdded(key))) continue;
    const rule = a === undefined ? rules.added : b === undefined ? rules.removed : rules.changed;
    const subject = `${d.dialect}/${field}/${key}`;
    log.add(
      rule,
      at(at(d.pointer, field), key),
      subject,
      `dialect ${d.dialect}: ${field} ${key} ${show(a)} -> ${show(b)}`,
    );
  }
}

/** The request-id headers: one dropped is breaking (an SDK reads it), one more is minor. */
function diffHeaders(log: ChangeLog, d: FoundDialect, was: Json | undefined, now: Json | undefined): void {
  const list = (v: Json | undefined) => (Array.isArray(v) ? v.filter((h): h is string => typeof h === "string") : []);
  const [a, b] = [list(was), list(now)];
  const where = at(d.pointer, "requestIdHeaders");
  for (const h of a.filter((h) => !b.includes(h)))
    log.add(
      "dialect-request-id-header-removed",
      where,
      `${d.dialect}/requestIdHeaders`,
      `dialect ${d.dialect}: no longer sends the request id in ${h}`,
    );
  for (const h of b.filter((h) => !a.includes(h)))
    log.add(
      "dialect-request-id-header-added",
      where,
      `${d.dialect}/requestIdHeaders`,
      `dialect ${d.dialect}: sends the request id in ${h} too`,
    );
}

function diffEntry(log: ChangeLog, old: FoundDialect, d: FoundDialect): void {
  const [was, now] = [old.entry, d.entry];
  for (const field of TEXTS)
    if (!jsonEqual(own(was, field), own(now, field)))
      log.add("text-changed", at(d.pointer, field), `${d.dialect}/${field}`, `dialect ${d.dialect}: ${field} reworded`);
  const pair = (field: string): [JsonObject, JsonObject] => [obj(own(was, field)), obj(own(now, field))];
  for (const [field, rules] of Object.entries(MAPS)) diffMap(log, d, field, pair(field), rules);
  // A spread moves an existing member's parts; for a member new to the body it is part of adding it (reported there).
  const placedBefore = pair("members")[0];
  const spread: KeyRules = { ...PLACES, added: "dialect-member-moved" };
  diffMap(log, d, "spread", pair("spread"), spread, (key) => !Object.hasOwn(placedBefore, key));
  for (const field of PLACE_FIELDS) {
    const [a, b] = [own(was, field), own(now, field)];
    if (jsonEqual(a, b)) continue;
    const rule = a === undefined && field === "statusMember" ? "dialect-member-added" : "dialect-member-moved";
    log.add(
      rule,
      at(d.pointer, field),
      `${d.dialect}/${field}`,
      `dialect ${d.dialect}: ${field} ${show(a)} -> ${show(b)}`,
    );
  }
  diffHeaders(log, d, own(was, "requestIdHeaders"), own(now, "requestIdHeaders"));
  if (!jsonEqual(own(was, "sse"), own(now, "sse")))
    log.add(
      "dialect-sse-changed",
      at(d.pointer, "sse"),
      `${d.dialect}/sse`,
      `dialect ${d.dialect}: stream error event ${show(own(was, "sse"))} -> ${show(own(now, "sse"))}`,
    );
  diffRemainingKeys(log, d.pointer, was, now, HANDLED, `dialect ${d.dialect}`, d.dialect);
}

/** Classifies the dialects (x-dialects): surfaces added or removed, and each surviving one field by field. */
export function diffDialects(log: ChangeLog, was: ContractModel, now: ContractModel): void {
  for (const [name, d] of was.dialects)
    if (!now.dialects.has(name)) log.add("dialect-removed", d.pointer, name, `dialect ${name} removed`);
  for (const [name, d] of now.dialects) {
    const old = was.dialects.get(name);
    if (old) diffEntry(log, old, d);
    else log.add("dialect-added", d.pointer, name, `dialect ${name} added (${show(own(d.entry, "title"))})`);
  }
  if (!jsonEqual(was.dialectsDescription, now.dialectsDescription))
    log.add("text-changed", now.dialectsPointer, "dialects", "the dialects' description reworded");
}
