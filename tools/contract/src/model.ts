import { at } from "./classify/json.js";
import { isObject, type Json, type JsonObject, type SchemaSet } from "./schema-set.js";

/**
 * The one place that knows where the contract's metadata sits in the schema files. Every
 * rule reads this model, never the raw `x-error` / `x-http-statuses` keys, so a change of
 * the schema vocabulary is a change here only.
 */

/** A value read from the schemas, with where it sits (file role + JSON Pointer). */
export interface Located<T> {
  value: T;
  role: keyof SchemaSet;
  pointer: string;
}

/** One business code and its metadata. */
export interface CodeModel {
  code: string;
  /** Pointer of the code's `{ "const": ... }` entry in error-code.schema.json. */
  pointer: string;
  /** Pointer of its metadata object (`.../x-error`). */
  metaPointer: string;
  /** The raw entry and metadata (for keys no rule knows). */
  entry: JsonObject;
  meta: JsonObject;
  status: Json | undefined;
  type: Json | undefined;
  retryable: Json | undefined;
  meaning: Json | undefined;
  action: Json | undefined;
  /** Statuses the code may be sent with besides the canonical one, with when to use each. */
  otherStatuses: Map<number, { when: Json | undefined; pointer: string }>;
}

/** One row of the contract's HTTP status table. */
export interface HttpStatusModel {
  status: string;
  pointer: string;
  row: JsonObject;
}

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
  /** The whole `x-contract` settings object (rules report keys no rule knows). */
  settings: Located<JsonObject>;
}

/** Metadata keys of a code that the model reads (rules compare them); the rest is "unknown". */
export const CODE_META_KEYS: ReadonlySet<string> = new Set([
  "status",
  "otherStatuses",
  "type",
  "retryable",
  "meaning",
  "action",
]);

const obj = (v: Json | undefined): JsonObject => (isObject(v) ? v : {});

function constEntries(schema: JsonObject): Array<{ value: string; pointer: string; entry: JsonObject }> {
  const list = Array.isArray(schema["anyOf"]) ? schema["anyOf"] : [];
  return list.flatMap((entry, i) =>
    isObject(entry) && typeof entry["const"] === "string"
      ? [{ value: entry["const"], pointer: at("/anyOf", i), entry }]
      : [],
  );
}

/** `otherStatuses`: `{ status, when }` objects (or bare numbers); the canonical status is not "other". */
function otherStatuses(meta: JsonObject, metaPointer: string): CodeModel["otherStatuses"] {
  const out: CodeModel["otherStatuses"] = new Map();
  const list = meta["otherStatuses"];
  if (!Array.isArray(list)) return out;
  list.forEach((item, i) => {
    const status =
      typeof item === "number"
        ? item
        : isObject(item) && typeof item["status"] === "number"
          ? item["status"]
          : undefined;
    if (status === undefined || status === meta["status"]) return;
    out.set(status, {
      when: isObject(item) ? item["when"] : undefined,
      pointer: at(at(metaPointer, "otherStatuses"), i),
    });
  });
  return out;
}

function readCodes(schema: JsonObject): CodeModel[] {
  return constEntries(schema).map(({ value, pointer, entry }) => {
    const metaPointer = at(pointer, "x-error");
    const meta = obj(entry["x-error"]);
    return {
      code: value,
      pointer,
      metaPointer,
      entry,
      meta,
      status: meta["status"],
      type: meta["type"],
      retryable: meta["retryable"],
      meaning: meta["meaning"],
      action: meta["action"],
      otherStatuses: otherStatuses(meta, metaPointer),
    };
  });
}

/** The status table: an array of rows with `status`, or an object keyed by status. */
function readHttpStatuses(schema: JsonObject): ContractModel["httpStatuses"] {
  const table = schema["x-http-statuses"];
  if (table === undefined) return undefined;
  const rows = new Map<string, HttpStatusModel>();
  if (Array.isArray(table)) {
    table.forEach((row, i) => {
      if (isObject(row) && (typeof row["status"] === "string" || typeof row["status"] === "number"))
        rows.set(String(row["status"]), { status: String(row["status"]), pointer: at("/x-http-statuses", i), row });
    });
  } else if (isObject(table)) {
    for (const [status, row] of Object.entries(table))
      if (isObject(row)) rows.set(status, { status, pointer: at("/x-http-statuses", status), row });
  }
  return rows;
}

/** The contract-wide settings object of the strict envelope schema. */
const CONTRACT_KEY = "x-contract";

function setting<T>(set: SchemaSet, key: string, guard: (v: Json) => boolean): Located<T> | undefined {
  const v = obj(set.envelope[CONTRACT_KEY])[key];
  return v !== undefined && guard(v)
    ? { value: v as T, role: "envelope", pointer: at(at("", CONTRACT_KEY), key) }
    : undefined;
}

/** `x-contract` keys that make up the client retry rule by status. */
export const RETRY_RULE_KEYS = ["retryableStatuses", "nonRetryableStatuses", "statusClasses"] as const;

/** Reads the contract model of a schema set. Pure; never throws on odd shapes (rules report them). */
export function readModel(set: SchemaSet): ContractModel {
  const settings = obj(set.envelope[CONTRACT_KEY]);
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
  return {
    codes: readCodes(set.code),
    types: constEntries(set.type),
    httpStatuses: readHttpStatuses(set.envelope),
    messageCap: setting<number>(set, "maxMessageLength", (v) => typeof v === "number"),
    referenceUrl: setting<string>(set, "referenceUrl", (v) => typeof v === "string"),
    retryStatuses:
      Object.keys(retryRule).length > 0
        ? { value: retryRule, role: "envelope", pointer: at("", CONTRACT_KEY) }
        : undefined,
    statusClassTypes:
      classTypes.length > 0
        ? { value: classTypes, role: "envelope", pointer: at(at("", CONTRACT_KEY), "statusClasses") }
        : undefined,
    settings: { value: settings, role: "envelope", pointer: at("", CONTRACT_KEY) },
  };
}

/** `x-contract` keys the metadata rules compare; any other key there is an unknown change. */
export const CONTRACT_SETTING_KEYS: ReadonlySet<string> = new Set([
  "maxMessageLength",
  "referenceUrl",
  ...RETRY_RULE_KEYS,
  "otherStatusType",
]);

/** Envelope keys the model reads (the envelope classifier leaves them to the metadata rules). */
export const ENVELOPE_META_KEYS: ReadonlySet<string> = new Set(["x-http-statuses", CONTRACT_KEY]);
