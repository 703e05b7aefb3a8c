/**
 * Where the generator writes, relative to the repository root. One place, so the writer,
 * the drift check and the tests agree on what is generated. What it reads (schemas/, the
 * package layout) comes from @org/contract-model.
 */
import { PACKAGES } from "@org/contract-model";

export { SCHEMA_DIR, SCHEMA_FILES, TYPES_PACKAGE_JSON } from "@org/contract-model";

const TYPES = PACKAGES.types.dir;
const VALIDATOR = PACKAGES.validator.dir;

/** Folders that hold nothing but generated files: a file there that we no longer write is stale. */
export const GENERATED_DIRS = [
  `${TYPES}/src/generated`,
  `${TYPES}/schemas`,
  `${TYPES}/reference`,
  `${VALIDATOR}/src/generated`,
] as const;

export const OUT = {
  types: `${TYPES}/src/generated/types.ts`,
  catalog: `${TYPES}/src/generated/catalog.ts`,
  http: `${TYPES}/src/generated/http.ts`,
  /** The contract-wide constants (header names, media type, doc_url rule). */
  facts: `${TYPES}/src/generated/facts.ts`,
  /** The record types (ErrorCatalogEntry, HttpStatusEntry), from the vocabulary. */
  records: `${TYPES}/src/generated/records.ts`,
  /** The dialects (Dialect, DIALECT_NAMES, DIALECTS), from x-dialects. */
  dialects: `${TYPES}/src/generated/dialects.ts`,
  schemaCopy: (file: string) => `${TYPES}/schemas/${file}`,
  // At the package root: `@org/error-types/openapi.json` then resolves without the exports map
  // too (moduleResolution node10).
  openapi: `${TYPES}/openapi.json`,
  docs: "docs/errors.md",
  /** The reference page and the machine-readable catalog (with its schema), shipped in @org/error-types. */
  reference: (file: string) => `${TYPES}/reference/${file}`,
  /** errors.json's text as a module, for services that serve the catalog. */
  errorsJsonModule: `${TYPES}/src/generated/errors-json.ts`,
  validatorsJs: `${VALIDATOR}/src/generated/validators.js`,
  validatorsDts: `${VALIDATOR}/src/generated/validators.d.ts`,
} as const;
