import type { RuleId } from "../rules/index.js";
import { isObject, type Json, type JsonObject } from "../schema-set.js";
import { diffRemainingKeys } from "./generic.js";
import { at, type ChangeLog, jsonEqual } from "./json.js";
import { acceptedKinds, covers, describeKind } from "./kinds.js";

/** Upper bounds: lowering or adding one narrows the field (major), raising or dropping it widens it (minor). */
const UPPER_BOUNDS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"];
/** Lower bounds: the other way round. */
const LOWER_BOUNDS = ["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"];
/** Shape rules: adding or changing one narrows (major), dropping one widens (minor). */
const SHAPE_RULES = ["pattern", "format", "multipleOf"];

const HANDLED: ReadonlySet<string> = new Set([
  "type",
  "const",
  "enum",
  "$ref",
  "anyOf",
  "oneOf",
  "items",
  "properties",
  "required",
  "additionalProperties",
  ...UPPER_BOUNDS,
  ...LOWER_BOUNDS,
  ...SHAPE_RULES,
]);

const asObject = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});
const strings = (v: Json | undefined): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/**
 * Compares two versions of a schema that describes a value (a field, an object, an array)
 * and records what changed for the people who send or read such values:
 * narrowing (fewer values accepted) is major, widening is minor, wording is patch.
 * `extraHandled` are keys the caller compares itself.
 */
export function diffValueSchema(
  log: ChangeLog,
  pointer: string,
  before: Json | undefined,
  after: Json | undefined,
  subject: string,
  extraHandled: ReadonlySet<string> = new Set(),
): void {
  if (jsonEqual(before, after)) return;
  const a = asObject(before);
  const b = asObject(after);
  diffKinds(log, pointer, before, after, subject);
  diffBranches(log, pointer, a, b, subject);
  diffBounds(log, pointer, a, b, subject);
  if (isObject(a["items"]) || isObject(b["items"]))
    diffValueSchema(log, at(pointer, "items"), a["items"], b["items"], `${subject}[]`);
  diffObjectMembers(log, pointer, a, b, subject);
  diffRemainingKeys(log, pointer, a, b, new Set([...HANDLED, ...extraHandled]), subject);
}

function diffKinds(
  log: ChangeLog,
  pointer: string,
  before: Json | undefined,
  after: Json | undefined,
  subject: string,
): void {
  const was = acceptedKinds(before);
  const now = acceptedKinds(after);
  const lost = [...was].filter((k) => !covers(now, k));
  const gained = [...now].filter((k) => !covers(was, k));
  if (lost.length > 0)
    log.add(
      "envelope-member-narrowed",
      pointer,
      subject,
      `${subject}: type narrowed, no longer accepts ${lost.map(describeKind).join(", ")}`,
    );
  if (gained.length > 0)
    log.add(
      "envelope-member-widened",
      pointer,
      subject,
      `${subject}: type widened, now also accepts ${gained.map(describeKind).join(", ")}`,
    );
}

/** anyOf/oneOf branches that accept the same kinds are compared one with the other (bounds, wording). */
function diffBranches(log: ChangeLog, pointer: string, a: JsonObject, b: JsonObject, subject: string): void {
  for (const key of ["anyOf", "oneOf"]) {
    const was = Array.isArray(a[key]) ? a[key] : [];
    const now = Array.isArray(b[key]) ? b[key] : [];
    const signature = (s: Json) => [...acceptedKinds(s)].sort().join("|");
    const unmatched = now.map((s, i) => ({ s, i, sig: signature(s) }));
    for (const old of was) {
      const j = unmatched.findIndex((n) => n.sig === signature(old));
      if (j < 0) continue; // a branch that went away: the kinds comparison reported it
      const [match] = unmatched.splice(j, 1);
      if (match) diffValueSchema(log, at(at(pointer, key), match.i), old, match.s, subject);
    }
  }
}

/** A bound on the envelope's `message` is the message limit; any other bound narrows or widens its member. */
function boundRule(key: string, subject: string, narrowed: boolean): RuleId {
  if (key === "maxLength" && /(^|\.)message$/.test(subject))
    return narrowed ? "message-limit-lowered" : "message-limit-raised";
  return narrowed ? "envelope-member-narrowed" : "envelope-member-widened";
}

function diffBounds(log: ChangeLog, pointer: string, a: JsonObject, b: JsonObject, subject: string): void {
  for (const key of [...UPPER_BOUNDS, ...LOWER_BOUNDS]) {
    const was = a[key];
    const now = b[key];
    if (jsonEqual(was, now)) continue;
    const upper = UPPER_BOUNDS.includes(key);
    let narrowed: boolean;
    if (typeof was !== "number")
      narrowed = true; // a bound added
    else if (typeof now !== "number")
      narrowed = false; // a bound dropped
    else narrowed = upper ? now < was : now > was;
    log.add(
      boundRule(key, subject, narrowed),
      at(pointer, key),
      subject,
      `${subject}: ${key} ${typeof was === "number" ? was : "(none)"} -> ${typeof now === "number" ? now : "(none)"} (${narrowed ? "narrowed" : "widened"})`,
    );
  }
  for (const key of SHAPE_RULES) {
    const was = a[key];
    const now = b[key];
    if (jsonEqual(was, now)) continue;
    const dropped = now === undefined;
    log.add(
      dropped ? "envelope-member-widened" : "envelope-member-narrowed",
      at(pointer, key),
      subject,
      `${subject}: ${key} ${was === undefined ? "added" : dropped ? "removed" : "changed"} (${dropped ? "widened" : "narrowed"})`,
    );
  }
}

/** Members of an object schema: removed, added (optional or required), made required or optional. */
function diffObjectMembers(log: ChangeLog, pointer: string, a: JsonObject, b: JsonObject, subject: string): void {
  const wasProps = asObject(a["properties"]);
  const nowProps = asObject(b["properties"]);
  const wasRequired = new Set(strings(a["required"]));
  const nowRequired = new Set(strings(b["required"]));
  const props = at(pointer, "properties");
  for (const name of Object.keys(wasProps)) {
    if (!Object.hasOwn(nowProps, name))
      log.add("envelope-member-removed", at(props, name), `${subject}.${name}`, `${subject}: field "${name}" removed`);
  }
  for (const [name, schema] of Object.entries(nowProps)) {
    if (!Object.hasOwn(wasProps, name)) {
      if (nowRequired.has(name))
        log.add(
          "envelope-member-added-required",
          at(props, name),
          `${subject}.${name}`,
          `${subject}: required field "${name}" added (the required set grew)`,
        );
      else
        log.add(
          "envelope-member-added-optional",
          at(props, name),
          `${subject}.${name}`,
          `${subject}: optional field "${name}" added`,
        );
      continue;
    }
    diffValueSchema(log, at(props, name), wasProps[name], schema, `${subject}.${name}`);
  }
  for (const name of nowRequired) {
    if (wasRequired.has(name) || (Object.hasOwn(nowProps, name) && !Object.hasOwn(wasProps, name))) continue;
    if (Object.hasOwn(wasProps, name))
      log.add(
        "envelope-member-required",
        at(pointer, "required"),
        `${subject}.${name}`,
        `${subject}: field "${name}" made required`,
      );
    else
      log.add(
        "envelope-member-added-required",
        at(pointer, "required"),
        `${subject}.${name}`,
        `${subject}: "${name}" added to the required set`,
      );
  }
  for (const name of wasRequired) {
    if (!nowRequired.has(name) && Object.hasOwn(nowProps, name))
      log.add(
        "envelope-member-optional",
        at(pointer, "required"),
        `${subject}.${name}`,
        `${subject}: field "${name}" made optional`,
      );
  }
  diffAdditional(log, at(pointer, "additionalProperties"), a, b, subject);
}

/** additionalProperties: absent means `true`. false -> true widens; true -> false narrows. */
function diffAdditional(log: ChangeLog, pointer: string, a: JsonObject, b: JsonObject, subject: string): void {
  const was = a["additionalProperties"] ?? true;
  const now = b["additionalProperties"] ?? true;
  if (jsonEqual(was, now)) return;
  if (isObject(was) && isObject(now)) return diffValueSchema(log, pointer, was, now, `${subject}[unknown members]`);
  const narrowed = now === false || (was === true && isObject(now));
  log.add(
    narrowed ? "envelope-unknown-members-forbidden" : "envelope-unknown-members-allowed",
    pointer,
    subject,
    `${subject}: unknown members ${narrowed ? "no longer accepted (or restricted)" : "now accepted"}`,
  );
}
