import type { DialectEntry } from "../dialect-records.js";
import { isJsonObject, type JsonObject } from "../json.js";
import { at, keysOf, valueAt } from "../pointer.js";
import { BODY_MEMBERS } from "../vocabulary.js";
import { fail } from "./context.js";

/** A spread prefix: a member-name start (`upstream_`). */
const PREFIX = /^[a-z][a-z0-9_]{0,31}$/;

/** A JSON Pointer into the body: `/`, then non-empty keys. */
function checkPointer(value: unknown, where: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || keysOf(value).some((k) => k === ""))
    fail("envelope", where, "must be a JSON Pointer into the body (/key/key..., no empty key)");
  return value;
}

/** The member names of an object-valued ErrorBody member (`upstream`: provider, status, ...). */
function objectMembers(envelope: JsonObject, member: string, where: string): string[] {
  const props = valueAt(envelope, `${BODY_MEMBERS}/${member}/properties`);
  if (!isJsonObject(props))
    fail("envelope", where, `"${member}" is not an object member of ErrorBody: it cannot be spread`);
  return Object.keys(props);
}

/** True when `a` is `b` or an ancestor of it (as keys, not as text). */
const covers = (a: string, b: string): boolean => b === a || b.startsWith(`${a}/`);

/**
 * The body a dialect describes is writable: every ErrorBody member has one place, no two
 * places overlap (a constant, a member, a spread name, the status, the SSE flag), spread
 * members are objects of ErrorBody. The default dialect must be the envelope itself:
 * each member at `/error/<member>`, no constants, code null when there is none.
 */
export function checkBody(envelope: JsonObject, d: DialectEntry, pointer: string, isDefault: boolean): void {
  const bodyMembers = valueAt(envelope, BODY_MEMBERS);
  const known = isJsonObject(bodyMembers) ? Object.keys(bodyMembers) : [];
  const places: Array<[place: string, where: string]> = [];
  for (const [p, v] of Object.entries(d.constants)) {
    const where = at(at(pointer, "constants"), p);
    places.push([checkPointer(p, where), where]);
    if (typeof v !== "string" || v === "") fail("envelope", where, "must be a non-empty string");
  }
  for (const [member, p] of Object.entries(d.members)) {
    const where = at(at(pointer, "members"), member);
    if (!known.includes(member))
      fail("envelope", where, `"${member}" is not a member of ErrorBody (${known.join(", ")})`);
    const place = checkPointer(p, where);
    const prefix = d.spread[member];
    if (prefix === undefined) places.push([place, where]);
    else for (const name of objectMembers(envelope, member, where)) places.push([`${place}/${prefix}${name}`, where]);
  }
  const unplaced = known.find((m) => !Object.hasOwn(d.members, m));
  if (unplaced !== undefined) fail("envelope", at(pointer, "members"), `needs a place for ErrorBody's "${unplaced}"`);
  for (const [member, prefix] of Object.entries(d.spread)) {
    const where = at(at(pointer, "spread"), member);
    if (!Object.hasOwn(d.members, member)) fail("envelope", where, `"${member}" has no place in members`);
    if (typeof prefix !== "string" || !PREFIX.test(prefix))
      fail("envelope", where, "must be a name prefix (a-z, 0-9, _)");
  }
  if (d.statusMember !== null)
    places.push([checkPointer(d.statusMember, at(pointer, "statusMember")), at(pointer, "statusMember")]);
  places.push([checkPointer(d.sse.retryable, at(pointer, "sse/retryable")), at(pointer, "sse/retryable")]);
  places.forEach(([b, where], j) => {
    const clash = places.slice(0, j).find(([a]) => covers(a, b) || covers(b, a));
    if (clash) fail("envelope", where, `${b} overlaps ${clash[0]}, the place of ${keysOf(clash[1]).at(-1) ?? ""}`);
  });
  if (isDefault) {
    const moved = known.find((m) => d.members[m] !== at("/error", m) || Object.hasOwn(d.spread, m));
    const renamed = Object.entries(d.types).some(([k, v]) => k !== v) || Object.keys(d.statusTypes).length > 0;
    if (
      moved !== undefined ||
      renamed ||
      Object.keys(d.constants).length > 0 ||
      d.statusMember !== null ||
      d.codeless !== "null"
    )
      fail(
        "envelope",
        pointer,
        `the default dialect is the envelope itself: every member at /error/<member>, the contract's type names, code null without one, no constants`,
      );
  }
}
