import type { DialectEntry, DialectSet } from "../dialect-records.js";
import { DIALECT_ENTRY, DIALECTS_POINTER } from "../facts/dialects.js";
import { isJsonObject, type Json, type JsonObject } from "../json.js";
import { at, valueAt } from "../pointer.js";
import type { ContractNames } from "../records.js";
import { FACT_CHECKS, hasJsonType } from "./checks.js";
import { fail, membersUnder, SPELLED, type StrictInput } from "./context.js";
import { checkBody } from "./dialect-body.js";
import { inGrammar } from "./names.js";

/** The dialect every adapter defaults to: it renders the envelope itself. */
const DEFAULT_DIALECT = "openai";
/** A surface's type name (`overloaded_error`, `RESOURCE_EXHAUSTED`): a word, at most 64 characters. */
const SURFACE_TYPE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** An SSE event name: a lower-case token. */
const EVENT_NAME = /^[a-z][a-z0-9_-]{0,63}$/;

/** What the readers of the other tables give this one. */
export interface DialectContext {
  types: ReadonlySet<string>;
  statuses: ReadonlySet<number>;
  names: ContractNames;
}

/** A map of `key -> surface type`, every key passing `keyOk`, every required key present. */
function nameMap(value: JsonObject, pointer: string, keyOk: (k: string) => boolean, keys: string, need: string[]) {
  for (const [k, v] of Object.entries(value)) {
    if (!keyOk(k)) fail("envelope", at(pointer, k), `"${k}" is not one of ${keys}`);
    if (typeof v !== "string" || !SURFACE_TYPE.test(v))
      fail("envelope", at(pointer, k), "must be a type name (a letter, then letters, digits, _; at most 64)");
  }
  const missing = need.find((k) => !Object.hasOwn(value, k));
  if (missing !== undefined) fail("envelope", pointer, `needs "${missing}" (every ${keys})`);
  return value as Record<string, string>;
}

function readHeaders(value: Json[], pointer: string, contractHeader: string | undefined): string[] {
  const seen = new Set<string>();
  value.forEach((h, i) => {
    if (!FACT_CHECKS["header-name"].ok(h)) fail("envelope", at(pointer, i), FACT_CHECKS["header-name"].says);
    if (seen.has(h as string)) fail("envelope", at(pointer, i), `"${String(h)}" is listed twice`);
    seen.add(h as string);
  });
  if (value[0] !== contractHeader)
    fail("envelope", pointer, `must list the contract's request-id header "${String(contractHeader)}" first`);
  return value as string[];
}

function readSse(value: JsonObject, pointer: string): DialectEntry["sse"] {
  const { event, retryable, ...rest } = value;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) fail("envelope", at(pointer, extra), `unknown field "${extra}"`);
  if (event !== null && (typeof event !== "string" || !EVENT_NAME.test(event)))
    fail("envelope", at(pointer, "event"), "must be null (an unnamed event) or a lower-case event name");
  if (typeof retryable !== "string") fail("envelope", at(pointer, "retryable"), "must be a JSON Pointer");
  return { event, retryable };
}

/** One dialect's entry: its fields as the vocabulary lists them, of their JSON types, then each checked. */
function readEntry(
  input: StrictInput,
  dialect: string,
  entry: Json,
  pointer: string,
  ctx: DialectContext,
): DialectEntry {
  const fields = membersUnder(input.vocabulary, DIALECT_ENTRY);
  if (!isJsonObject(entry)) fail("envelope", pointer, `dialect "${dialect}" must be an object`);
  for (const key of Object.keys(entry))
    if (!fields.some(([name]) => name === key)) fail("envelope", at(pointer, key), `unknown field "${key}"`);
  for (const [name, fact] of fields) {
    const value = entry[name];
    if (value === undefined) {
      if (fact.required) fail("envelope", pointer, `dialect "${dialect}" needs "${name}": ${fact.doc}`);
    } else if (!hasJsonType(value, fact.json)) fail("envelope", at(pointer, name), `must be a ${SPELLED[fact.json]}`);
    else if (fact.check && !FACT_CHECKS[fact.check].ok(value))
      fail("envelope", at(pointer, name), FACT_CHECKS[fact.check].says);
  }
  const obj = (name: string) => entry[name] as JsonObject;
  const codeless = entry["codeless"];
  if (codeless !== "null" && codeless !== "omit") fail("envelope", at(pointer, "codeless"), 'must be "null" or "omit"');
  const typeList = [...ctx.types].join(", ");
  const statusList = [...ctx.statuses].join(", ");
  const read: DialectEntry = {
    dialect,
    title: entry["title"] as string,
    description: entry["description"] as string,
    requestIdHeaders: readHeaders(
      entry["requestIdHeaders"] as Json[],
      at(pointer, "requestIdHeaders"),
      ctx.names.headers["requestId"],
    ),
    types: nameMap(obj("types"), at(pointer, "types"), (k) => ctx.types.has(k), `the contract's types (${typeList})`, [
      ...ctx.types,
    ]),
    statusTypes: nameMap(
      obj("statusTypes"),
      at(pointer, "statusTypes"),
      (k) => ctx.statuses.has(Number(k)) && String(Number(k)) === k,
      `the statuses of x-http-statuses (${statusList})`,
      [],
    ),
    constants: obj("constants") as Record<string, string>,
    members: obj("members") as Record<string, string>,
    spread: obj("spread") as Record<string, string>,
    statusMember: typeof entry["statusMember"] === "string" ? entry["statusMember"] : null,
    codeless,
    sse: readSse(obj("sse"), at(pointer, "sse")),
  };
  checkBody(input.schemas.envelope, read, pointer, dialect === DEFAULT_DIALECT);
  return read;
}

/** Every dialect of x-dialects, checked: names in the member grammar, the default (openai) present, each entry whole. */
export function readDialects(input: StrictInput, ctx: DialectContext): DialectSet {
  const root = valueAt(input.schemas.envelope, DIALECTS_POINTER);
  const listPointer = DIALECT_ENTRY.slice(0, -2);
  const list = valueAt(input.schemas.envelope, listPointer);
  if (!isJsonObject(root)) fail("envelope", DIALECTS_POINTER, "must be an object with description and dialects");
  const extra = Object.keys(root).find((k) => k !== "description" && k !== "dialects");
  if (extra !== undefined) fail("envelope", at(DIALECTS_POINTER, extra), `unknown field "${extra}"`);
  if (!isJsonObject(list) || !Object.hasOwn(list, DEFAULT_DIALECT))
    fail("envelope", listPointer, `must be an object of dialects by name, with "${DEFAULT_DIALECT}" (the default)`);
  const dialects = Object.entries(list).map(([name, entry]) => {
    const pointer = at(listPointer, name);
    if (!inGrammar(name, ctx.names.member))
      fail("envelope", pointer, `dialect name "${name.slice(0, 80)}" must match ${ctx.names.member.pattern}`);
    return readEntry(input, name, entry, pointer, ctx);
  });
  return { description: root["description"] as string, dialects };
}
