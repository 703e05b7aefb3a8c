import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ContractToolError } from "./contract-tool-error.js";

// One list of schema files for the generator and this tool: a schema added there is diffed here.
import { isJsonObject, type Json, type JsonObject, SCHEMA_DIR, SCHEMA_FILES } from "@org/contract-model";

export type { Json, JsonObject };
export { SCHEMA_DIR, SCHEMA_FILES };

/** Role of a schema file in the contract. */
export type SchemaRole = keyof typeof SCHEMA_FILES;

/** One side's upstream mapping files (contract 1.2): provider file (`upstream/openai.json`, as changes name it) -> parsed document. */
export type UpstreamSet = Map<string, JsonObject>;

/** The contract's schemas, parsed, by role: one side of a diff; with the upstream mapping files when read (contract 1.2). */
export type SchemaSet = Record<SchemaRole, JsonObject> & { upstream?: UpstreamSet };

/** Every role, in the order changes are reported. */
export const SCHEMA_ROLES: readonly SchemaRole[] = ["code", "type", "envelope", "lenient"];

/** True for a JSON object (not an array, not null): codegen's, under the name this tool uses. */
export const isObject = isJsonObject;

/** Parses one schema file's text; `where` names its origin in the error (e.g. `schemas/x.json at v1`). */
export function parseSchema(text: string, where: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ContractToolError(`${where} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isObject(value)) throw new ContractToolError(`${where} must be a JSON object`);
  return value;
}

/**
 * Builds a schema set from a reader that returns a file's text, or `undefined` when the file
 * does not exist. `origin` says where the files come from, for error messages.
 */
export function readSchemaSet(read: (relPath: string) => string | undefined, origin: string): SchemaSet {
  const entries = SCHEMA_ROLES.map((role) => {
    const rel = `${SCHEMA_DIR}/${SCHEMA_FILES[role]}`;
    const text = read(rel);
    if (text === undefined) throw new ContractToolError(`${rel} does not exist ${origin}`);
    return [role, parseSchema(text, `${rel} ${origin}`)] as const;
  });
  return Object.fromEntries(entries) as unknown as SchemaSet;
}

/** The schema set of the working tree under `root`. */
export function readWorkingTree(root: string): SchemaSet {
  return readSchemaSet((rel) => {
    try {
      return readFileSync(join(root, rel), "utf8");
    } catch {
      return undefined;
    }
  }, "in the working tree");
}
