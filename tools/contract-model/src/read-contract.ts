import { isJsonObject, type Json, type JsonObject } from "./json.js";
import {
  constEntries,
  type ConstEntry,
  findCodes,
  findFacts,
  findSettings,
  findStatusRows,
  type FoundCode,
  type FoundStatusRow,
} from "./lenient/read-lenient.js";
import { findDialects, type FoundDialect } from "./lenient/find-dialects.js";
import type { CheckedContract } from "./records.js";
import { SCHEMA_FILES, type SchemaName } from "./schema-files.js";
import { SchemaError } from "./schema-error.js";
import { checkWithAjv } from "./strict/ajv-check.js";
import { readTypes } from "./strict/const-list.js";
import type { StrictInput } from "./strict/context.js";
import { checkNames } from "./strict/names.js";
import { readCodes } from "./strict/read-codes.js";
import { readDialects } from "./strict/read-dialects.js";
import { readFacts } from "./strict/read-facts.js";
import { readNames, readRules } from "./strict/read-rules.js";
import { readStatuses } from "./strict/read-statuses.js";
import { CONTRACT_SETTINGS, type Fact, type Located, STATUS_ROW } from "./vocabulary.js";
import { VOCABULARY } from "./vocabulary-table.js";

/** The contract's parsed schema files, by role. */
export type SchemaDocuments = Record<SchemaName, JsonObject>;

/** What the lenient reader finds: every fact the schemas state, where it sits, and what strict reading says. */
export interface FoundContract {
  schemas: SchemaDocuments;
  codes: FoundCode[];
  types: ConstEntry[];
  /** The status table by status, when the schemas have one. */
  statuses: Map<string, FoundStatusRow> | undefined;
  settings: Located<JsonObject>;
  /** Every contract-wide fact stated, by vocabulary id. */
  facts: Record<string, Located<Json>>;
  /** Every dialect stated (x-dialects), by name. */
  dialects: Map<string, FoundDialect>;
  /** The first problem strict reading finds, or undefined when the contract is valid. */
  problem: SchemaError | undefined;
}

/** How to read: strict (codegen: throws a SchemaError naming file and pointer) or lenient (the diff: records). */
export interface ReadOptions {
  strict: boolean;
  /** The vocabulary to read with (tests add a row); default {@link VOCABULARY}. */
  vocabulary?: Readonly<Record<string, Fact>>;
}

function readStrict(input: StrictInput): CheckedContract {
  checkWithAjv(input.schemas);
  const types = readTypes(input);
  const known = new Set(types.map((t) => t.type));
  // Names first: a name outside its grammar is the error to report, not what it breaks later.
  const facts = readFacts(input, CONTRACT_SETTINGS);
  const names = readNames(facts, input.vocabulary);
  checkNames(input, names, facts["referenceUrl"] as string);
  const statuses = readStatuses(input, known);
  const rules = readRules(facts, known);
  const table = new Set(statuses.map((s) => s.status));
  const codes = readCodes(input, known, table);
  const dialects = readDialects(input, { types: known, statuses: table, names });
  const constants: CheckedContract["constants"] = {};
  const records: CheckedContract["records"] = { code: [], status: [] };
  for (const [id, fact] of Object.entries(input.vocabulary)) {
    const value = facts[id];
    if (fact.constant !== undefined && (typeof value === "string" || typeof value === "number"))
      constants[fact.constant] = { value, doc: fact.doc, pointer: fact.pointer };
    if (fact.record) records[fact.pointer.startsWith(STATUS_ROW) ? "status" : "code"].push({ ...fact.record });
  }
  return { schemas: input.schemas, codes, types, statuses, rules, names, constants, records, dialects };
}

function strictProblem(input: StrictInput): SchemaError | undefined {
  try {
    readStrict(input);
    return undefined;
  } catch (e) {
    // Odd shapes can make the strict reader fail in other ways too; lenient reading only records.
    return e instanceof SchemaError ? e : new SchemaError("schemas", "", (e as Error).message);
  }
}

/**
 * Reads the contract, the one place that interprets the schemas' vocabulary. Strict: checks
 * everything and throws a {@link SchemaError} naming the file and the JSON Pointer. Lenient:
 * never throws, returns what it finds with where it sits (the contract diff reads old
 * releases and odd shapes) and the problem strict reading would report.
 */
export function readContract(files: SchemaDocuments, options: ReadOptions & { strict: true }): CheckedContract;
export function readContract(files: SchemaDocuments, options: ReadOptions & { strict: false }): FoundContract;
export function readContract(files: SchemaDocuments, options: ReadOptions): CheckedContract | FoundContract {
  // Plain-JS callers: wrong arguments are programming errors, reported at once.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check for untyped callers
  if (typeof options !== "object" || options === null || typeof options.strict !== "boolean")
    throw new TypeError("readContract: options.strict must be true or false");
  const missing = (Object.keys(SCHEMA_FILES) as SchemaName[]).filter((n) => !isJsonObject(files[n]));
  if (missing.length > 0) throw new TypeError(`readContract: files needs the parsed schemas ${missing.join(", ")}`);
  const vocabulary = options.vocabulary ?? VOCABULARY;
  if (options.strict) return readStrict({ schemas: files, vocabulary });
  let problem: { found: SchemaError | undefined } | undefined;
  return {
    schemas: files,
    codes: findCodes(files.code, vocabulary),
    types: constEntries(files.type),
    statuses: findStatusRows(files.envelope),
    settings: findSettings(files.envelope),
    facts: findFacts(files, vocabulary),
    dialects: findDialects(files.envelope),
    // Lazy: strict reading compiles the schemas with ajv, which the diff rarely needs.
    get problem() {
      problem ??= { found: strictProblem({ schemas: files, vocabulary }) };
      return problem.found;
    },
  };
}
