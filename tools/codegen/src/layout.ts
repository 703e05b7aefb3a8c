/**
 * Where the generator reads and writes, relative to the repository root. One place, so the
 * writer, the drift check and the tests agree on what is generated.
 */
export const SCHEMA_DIR = "schemas";

/** The source schema files, in the order they are loaded. */
export const SCHEMA_FILES = {
  code: "error-code.schema.json",
  type: "error-type.schema.json",
  envelope: "error-envelope.schema.json",
  lenient: "error-envelope.lenient.schema.json",
} as const;

/** Package whose version is the contract's version. */
export const TYPES_PACKAGE_JSON = "packages/error-types/package.json";

/** Folders that hold nothing but generated files: a file there that we no longer write is stale. */
export const GENERATED_DIRS = [
  "packages/error-types/src/generated",
  "packages/error-types/schemas",
  "packages/error-types/openapi",
  "packages/error-types/reference",
  "packages/error-validator/src/generated",
] as const;

export const OUT = {
  types: "packages/error-types/src/generated/types.ts",
  catalog: "packages/error-types/src/generated/catalog.ts",
  schemaCopy: (file: string) => `packages/error-types/schemas/${file}`,
  openapi: "packages/error-types/openapi/errors.openapi.json",
  docs: "docs/errors.md",
  /** The reference page and the machine-readable catalog (with its schema), shipped in @org/error-types. */
  reference: (file: string) => `packages/error-types/reference/${file}`,
  validatorsJs: "packages/error-validator/src/generated/validators.js",
  validatorsDts: "packages/error-validator/src/generated/validators.d.ts",
} as const;
