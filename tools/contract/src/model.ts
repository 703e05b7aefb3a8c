import {
  CODE_META,
  CONTRACT_SETTINGS,
  DIALECTS_POINTER,
  type FoundDialect,
  type FoundCode,
  type FoundStatusRow,
  type Json,
  type JsonObject,
  type Located,
  readContract,
  STATUS_ROW,
  VOCABULARY,
} from "@org/contract-model";
import { isObject, type SchemaSet } from "./schema-set.js";

/**
 * The contract diff's view of a schema set, built on @org/contract-model's lenient reader:
 * the only code that interprets the schemas' vocabulary. Rules read this model, never the
 * raw metadata keys, so a change of the vocabulary is a change of the vocabulary table.
 */

export type { Located };

/** One business code and its metadata. */
export interface CodeModel extends Omit<FoundCode, "members"> {
  status: Json | undefined;
  type: Json | undefined;
  retryable: Json | undefined;
  meaning: Json | undefined;
  action: Json | undefined;
}

/** One row of the contract's HTTP status table. */
export type HttpStatusModel = FoundStatusRow;

/** The contract, read from a schema set. */
export interface ContractModel {
  codes: CodeModel[];
  types: Array<{ value: string; pointer: string; entry: JsonObject }>;
  /** The HTTP status table by status (`"400"`, `"5xx"`...), when the schemas have one. */
  httpStatuses: Map<string, HttpStatusModel> | undefined;
  /** The message cap services apply, when the schemas state one. */
  messageCap: Located<number> | undefined;
  /** The reference's base URL, when the schemas state it. */
  referenceUrl: Located<string> | undefined;
  /** The client retry rule by status (no code or an unknown code), when the schemas state it. */
  retryStatuses: Located<Json> | undefined;
  /** The `type` of each status class (`from`-`to`), when the schemas state them. */
  statusClassTypes: Located<Json> | undefined;
  /** The whole settings object (rules report keys no rule knows). */
  settings: Located<JsonObject>;
  /** Every contract-wide fact of the vocabulary the schemas state, by vocabulary id. */
  facts: Record<string, Located<Json>>;
  /** Every dialect stated (x-dialects, contract 1.2), by name. */
  dialects: Map<string, FoundDialect>;
  /** What the dialect data means (its description), and where that sits. */
  dialectsDescription: Json | undefined;
  dialectsPointer: string;
}

/** The last key of a vocabulary pointer. */
const lastKey = (pointer: string): string => pointer.slice(pointer.lastIndexOf("/") + 1);
/** The vocabulary's members directly under `prefix`. */
const membersUnder = (prefix: string): string[] =>
  Object.values(VOCABULARY).flatMap((f) =>
    f.pointer.startsWith(`${prefix}/`) && !f.pointer.slice(prefix.length + 1).includes("/") ? [lastKey(f.pointer)] : [],
  );

/** Metadata keys of a code that the model reads (rules compare them); the rest is "unknown". */
export const CODE_META_KEYS: ReadonlySet<string> = new Set(membersUnder(CODE_META));

/** Keys of a code's `{ "const": ... }` entry that the model reads: the code and its metadata object. */
export const CODE_ENTRY_KEYS: ReadonlySet<string> = new Set(["const", lastKey(CODE_META)]);

/** Settings keys that make up the client retry rule by status. */
export const RETRY_RULE_KEYS = ["retryableStatuses", "nonRetryableStatuses", "statusClasses"] as const;

/** Settings keys the metadata rules compare; any other key there is an unknown change. */
export const CONTRACT_SETTING_KEYS: ReadonlySet<string> = new Set(
  Object.values(VOCABULARY).flatMap((f) =>
    f.pointer.startsWith(`${CONTRACT_SETTINGS}/`)
      ? [f.pointer.slice(CONTRACT_SETTINGS.length + 1).split("/")[0] as string]
      : [],
  ),
);

/** Envelope keys the model reads (the envelope classifier leaves them to the metadata rules). */
export const ENVELOPE_META_KEYS: ReadonlySet<string> = new Set([
  lastKey(CONTRACT_SETTINGS),
  STATUS_ROW.split("/")[1] as string,
  lastKey(DIALECTS_POINTER),
]);

const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});

function located<T>(found: Located<Json> | undefined, guard: (v: Json) => boolean): Located<T> | undefined {
  return found !== undefined && guard(found.value) ? (found as Located<T>) : undefined;
}

/** Reads the contract model of a schema set. Pure; never throws on odd shapes (rules report them). */
export function readModel(set: SchemaSet): ContractModel {
  const found = readContract(set, { strict: false });
  const settings = found.settings.value;
  // statusClasses holds two facts: whether a class retries (the retry rule) and its type (the status table's rule).
  const classes = (Array.isArray(settings["statusClasses"]) ? settings["statusClasses"] : []).map(obj);
  const retryRule: JsonObject = {};
  for (const key of ["retryableStatuses", "nonRetryableStatuses"])
    if (settings[key] !== undefined) retryRule[key] = settings[key] as Json;
  if (classes.length > 0)
    retryRule["retryableClasses"] = classes.map((c) => ({
      from: c["from"] ?? null,
      to: c["to"] ?? null,
      retryable: c["retryable"] ?? null,
    }));
  const classTypes = classes.map((c) => ({ from: c["from"] ?? null, to: c["to"] ?? null, type: c["type"] ?? null }));
  const at = (key: string) => `${found.settings.pointer}/${key}`;
  return {
    codes: found.codes.map(({ members, ...code }) => ({
      ...code,
      status: members["status"],
      type: members["type"],
      retryable: members["retryable"],
      meaning: members["meaning"],
      action: members["action"],
    })),
    types: found.types,
    httpStatuses: found.statuses,
    messageCap: located<number>(found.facts["maxMessageLength"], (v) => typeof v === "number"),
    referenceUrl: located<string>(found.facts["referenceUrl"], (v) => typeof v === "string"),
    retryStatuses:
      Object.keys(retryRule).length > 0
        ? { value: retryRule, file: "envelope", pointer: found.settings.pointer }
        : undefined,
    statusClassTypes:
      classTypes.length > 0 ? { value: classTypes, file: "envelope", pointer: at("statusClasses") } : undefined,
    settings: found.settings,
    facts: found.facts,
    dialects: found.dialects,
    dialectsDescription: found.facts["dialectsDescription"]?.value,
    dialectsPointer: VOCABULARY.dialectsDescription.pointer,
  };
}
