/** The folder, relative to the repository root, that holds the source of truth. */
export const SCHEMA_DIR = "schemas";

/** The source schema files, in the order they are loaded. */
export const SCHEMA_FILES = {
  code: "error-code.schema.json",
  type: "error-type.schema.json",
  envelope: "error-envelope.schema.json",
  lenient: "error-envelope.lenient.schema.json",
} as const;

/** Which schema a file name is. */
export type SchemaName = keyof typeof SCHEMA_FILES;
