import { isJsonObject, type Json } from "../json.js";
import { at, keysOf, valueAt } from "../pointer.js";
import type { Fact } from "../vocabulary.js";
import { FACT_CHECKS, hasJsonType } from "./checks.js";
import { fail, SPELLED, type StrictInput } from "./context.js";

/** The contract-wide facts, by vocabulary id: every row with one place (no `*`), checked. */
export type FactValues = Record<string, Json>;

const fixed = (f: Fact) => !f.pointer.includes("*");
/** A row whose pointer holds other rows (the settings object, the status table): read by its members. */
const container = (f: Fact, all: readonly Fact[]) => all.some((o) => o.pointer.startsWith(`${f.pointer}/`));

/**
 * Reads every contract-wide fact of the vocabulary: present when required, of its JSON type,
 * passing its check. Then rejects any member of the settings object the vocabulary does not
 * know (a typo must not pass as an unread fact).
 */
export function readFacts(input: StrictInput, settingsPointer: string): FactValues {
  const all = Object.values(input.vocabulary);
  const rows = Object.entries(input.vocabulary).filter(([, f]) => fixed(f) && !container(f, all));
  const settings = valueAt(input.schemas.envelope, settingsPointer);
  if (!isJsonObject(settings)) {
    const members = new Set(rows.flatMap(([, f]) => memberOf(f.pointer, settingsPointer)));
    fail("envelope", settingsPointer, `must be an object with ${[...members].join(", ")}`);
  }
  const values: FactValues = {};
  for (const [id, fact] of rows) {
    const value = valueAt(input.schemas[fact.file], fact.pointer);
    if (value === undefined) {
      if (fact.required) fail(fact.file, fact.pointer, `needs "${keysOf(fact.pointer).at(-1)}": ${fact.doc}`);
      continue;
    }
    if (!hasJsonType(value, fact.json)) fail(fact.file, fact.pointer, `must be a ${SPELLED[fact.json]}`);
    if (fact.check && !FACT_CHECKS[fact.check].ok(value)) fail(fact.file, fact.pointer, FACT_CHECKS[fact.check].says);
    values[id] = value;
  }
  rejectUnknown(
    settings,
    settingsPointer,
    rows.map(([, f]) => f.pointer),
  );
  return values;
}

/** The first key under `prefix` of a pointer, or nothing. */
const memberOf = (pointer: string, prefix: string): string[] =>
  pointer.startsWith(`${prefix}/`) ? [keysOf(pointer.slice(prefix.length))[0] as string] : [];

function rejectUnknown(value: Json, pointer: string, known: readonly string[]): void {
  if (known.includes(pointer) || !isJsonObject(value)) return;
  for (const [key, member] of Object.entries(value)) {
    const p = at(pointer, key);
    if (!known.some((k) => k === p || k.startsWith(`${p}/`))) fail("envelope", p, `unknown field "${key}"`);
    rejectUnknown(member, p, known);
  }
}
