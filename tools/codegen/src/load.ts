import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createStrictAjv, SCHEMA_DIR, SCHEMA_FILES, TYPES_PACKAGE_JSON } from "@org/contract-model";
import { type Contract, isJsonObject, type Json, type JsonObject, type TypeEntry } from "./contract.js";
import { readCodes, constList } from "./read-codes.js";
import { readRules, readStatuses } from "./read-statuses.js";
import { SchemaError } from "./schema-error.js";

/** Re-exported for the targets and tools that still import them from here. */
export { AJV_LOGGER, createStrictAjv, METADATA_KEYWORDS } from "@org/contract-model";

function readJson(root: string, file: string): JsonObject {
  const rel = `${SCHEMA_DIR}/${file}`;
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
  for (const key of ["$schema", "$id"]) {
    if (typeof value[key] !== "string") throw new SchemaError(rel, "", `needs a string "${key}"`);
  }
  return value;
}

function readTypes(schema: JsonObject): TypeEntry[] {
  const rel = `${SCHEMA_DIR}/${SCHEMA_FILES.type}`;
  return constList(rel, schema).map((entry, i) => {
    if (typeof entry["description"] !== "string") {
      throw new SchemaError(rel, `/anyOf/${i}`, 'needs a "description"');
    }
    return { type: entry["const"] as string, description: entry["description"] };
  });
}

/** Runs ajv in strict mode over every schema: meta-schema errors name the pointer, strict errors the file. */
function checkWithAjv(schemas: Contract["schemas"]): void {
  const ajv = createStrictAjv();
  const entries = [
    [SCHEMA_FILES.code, schemas.code],
    [SCHEMA_FILES.type, schemas.type],
    [SCHEMA_FILES.envelope, schemas.envelope],
    [SCHEMA_FILES.lenient, schemas.lenient],
  ] as const;
  for (const [file, schema] of entries) {
    const rel = `${SCHEMA_DIR}/${file}`;
    if (!ajv.validateSchema(schema)) {
      const err = ajv.errors?.[0];
      throw new SchemaError(rel, err?.instancePath ?? "", `is not a valid JSON Schema: ${err?.message ?? "rejected"}`);
    }
    ajv.addSchema(schema, file);
  }
  for (const [file] of entries) {
    try {
      ajv.getSchema(file);
    } catch (e) {
      throw new SchemaError(`${SCHEMA_DIR}/${file}`, "", `rejected by ajv in strict mode: ${(e as Error).message}`);
    }
  }
}

/** Reads schemas/ under `root`, checks it, and returns the contract model. Throws SchemaError. */
export function loadContract(root: string): Contract {
  const schemas = {
    code: readJson(root, SCHEMA_FILES.code),
    type: readJson(root, SCHEMA_FILES.type),
    envelope: readJson(root, SCHEMA_FILES.envelope),
    lenient: readJson(root, SCHEMA_FILES.lenient),
  };
  checkWithAjv(schemas);
  const types = readTypes(schemas.type);
  const statuses = readStatuses(schemas.envelope, types);
  const rules = readRules(schemas.envelope, types);
  const codes = readCodes(schemas.code, types, statuses);
  const pkg = JSON.parse(readFileSync(join(root, TYPES_PACKAGE_JSON), "utf8")) as { version?: unknown };
  if (typeof pkg.version !== "string") throw new Error(`${TYPES_PACKAGE_JSON} has no version`);
  return { version: pkg.version, schemas, codes, types, statuses, rules };
}
