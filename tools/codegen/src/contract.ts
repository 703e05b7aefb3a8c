import type { ContractConstant, ContractNames, DialectSet, JsonObject, RecordMember } from "@org/contract-model";
import type { CodeEntry, ContractRules, StatusRow, TypeEntry } from "@org/contract-model";

export { isJsonObject, type Json, type JsonObject, schemaBody } from "@org/contract-model";
/** The record shapes are @org/contract-model's: one definition for the reader and the targets. */
export type {
  CodeEntry,
  ContractConstant,
  ContractNames,
  ContractRules,
  DialectEntry,
  DialectSet,
  NameGrammar,
  OtherStatus,
  RecordMember,
  StatusClass,
  StatusRow,
  TypeEntry,
} from "@org/contract-model";

/** Everything the targets need, read and checked once (by @org/contract-model's strict reader). */
export interface Contract {
  /** The contract's version: the version of @org/error-types. */
  version: string;
  /** The source schemas, parsed, by file name. */
  schemas: {
    code: JsonObject;
    type: JsonObject;
    envelope: JsonObject;
    lenient: JsonObject;
  };
  codes: CodeEntry[];
  types: TypeEntry[];
  statuses: StatusRow[];
  rules: ContractRules;
  /** The grammars of names, the header names, the problem media type and what a doc_url is. */
  names: ContractNames;
  /** The contract-wide facts @org/error-types exports as constants, by constant name (vocabulary order). */
  constants: Record<string, ContractConstant>;
  /** The members of the record types @org/error-types exposes (ErrorCatalogEntry, HttpStatusEntry). */
  records: { code: RecordMember[]; status: RecordMember[] };
  /** How a contract error is rendered on each API surface (x-dialects). */
  dialects: DialectSet;
}
