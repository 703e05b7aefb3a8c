import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isJsonObject, type Json, type JsonObject } from "./json.js";
import type { SchemaDocuments } from "./read-contract.js";
import { SCHEMA_DIR, SCHEMA_FILES, type SchemaName } from "./schema-files.js";
import { SchemaError } from "./schema-error.js";

/**
 * Reads and parses one JSON file under `root` (`rel`: its path from the root); throws a
 * {@link SchemaError} naming it when it cannot be read or is not a JSON object.
 */
export function readJsonFile(root: string, rel: string): JsonObject {
  let text: string;
  try {
    text = readFileSync(join(root, rel), "utf8");
  } catch {
    throw new SchemaError(rel, "", "cannot be read (is the file there?)");
  }
  let value: Json;
  try {
    value = JSON.parse(text) as Json;
  } catch (e) {
    throw new SchemaError(rel, "", `is not valid JSON: ${(e as Error).message}`);
  }
  if (!isJsonObject(value)) throw new SchemaError(rel, "", "must be a JSON object");
  return value;
}

/** Reads and parses one schema file under `root`; throws a {@link SchemaError} naming it. */
export function readSchemaFile(root: string, file: string): JsonObject {
  const rel = `${SCHEMA_DIR}/${file}`;
  const value = readJsonFile(root, rel);
  for (const key of ["$schema", "$id"])
    if (typeof value[key] !== "string") throw new SchemaError(rel, "", `needs a string "${key}"`);
  return value;
}

/** The schema files of the repository at `root`, parsed, by role (what {@link readContract} reads). */
export function readSchemaFiles(root: string): SchemaDocuments {
  const names = Object.keys(SCHEMA_FILES) as SchemaName[];
  return Object.fromEntries(names.map((n) => [n, readSchemaFile(root, SCHEMA_FILES[n])])) as SchemaDocuments;
}
