/**
 * @org/contract-model (private): what every tool of the repository shares about it, and the
 * one reader of the contract's vocabulary (`readContract`).
 * @packageDocumentation
 */
export { AJV_LOGGER, createStrictAjv, METADATA_KEYWORDS } from "./ajv.js";
export type { Codeless, DialectEntry, DialectSet, DialectSse } from "./dialect-records.js";
export { DIALECT_ENTRY, DIALECTS_POINTER } from "./facts/dialects.js";
export { isJsonObject, type Json, type JsonObject, schemaBody } from "./json.js";
export { CONTRACT_PACKAGE, PACKAGES, PUBLIC_PACKAGES, TYPES_PACKAGE_JSON } from "./layout.js";
export type { FoundDialect } from "./lenient/find-dialects.js";
export type { ConstEntry, FoundCode, FoundStatusRow } from "./lenient/read-lenient.js";
export { at, valueAt } from "./pointer.js";
export { type FoundContract, readContract, type ReadOptions, type SchemaDocuments } from "./read-contract.js";
export { readSchemaFiles } from "./read-files.js";
export type {
  CheckedContract,
  CodeEntry,
  ContractConstant,
  ContractNames,
  ContractRules,
  NameGrammar,
  OtherStatus,
  RecordMember,
  StatusClass,
  StatusRow,
  TypeEntry,
  WithPointer,
} from "./records.js";
export { findRepoRoot } from "./root.js";
export { SchemaError } from "./schema-error.js";
export { SCHEMA_DIR, SCHEMA_FILES, type SchemaName } from "./schema-files.js";
export { codePoints } from "./strict/checks.js";
export { inGrammar } from "./strict/names.js";
export {
  BODY_MEMBERS,
  CODE_META,
  CONTRACT_SETTINGS,
  type Fact,
  type FactCheck,
  type JsonType,
  type Located,
  type Output,
  STATUS_ROW,
} from "./vocabulary.js";
export { type FactId, VOCABULARY } from "./vocabulary-table.js";
