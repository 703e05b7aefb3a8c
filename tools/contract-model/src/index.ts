/**
 * @org/contract-model (private): what every tool of the repository shares about it.
 * @packageDocumentation
 */
export { AJV_LOGGER, createStrictAjv, METADATA_KEYWORDS } from "./ajv.js";
export { isJsonObject, type Json, type JsonObject, schemaBody } from "./json.js";
export { CONTRACT_PACKAGE, PACKAGES, PUBLIC_PACKAGES, TYPES_PACKAGE_JSON } from "./layout.js";
export { findRepoRoot } from "./root.js";
export { SCHEMA_DIR, SCHEMA_FILES, type SchemaName } from "./schema-files.js";
