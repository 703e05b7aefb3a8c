import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020, type Options } from "ajv/dist/2020.js";
import { type CodeEntry, type Contract, isJsonObject, type Json, type JsonObject, type StatusRow, type TypeEntry } from "./contract.js";
import { SCHEMA_DIR, SCHEMA_FILES, TYPES_PACKAGE_JSON } from "./layout.js";
import { SchemaError } from "./schema-error.js";

/** Metadata keywords of the contract. Registered with ajv so strict mode stays on. */
export const METADATA_KEYWORDS = ["x-error", "x-http-statuses"] as const;

const CODE_FIELDS = ["status", "type", "meaning", "action", "retryable"] as const;

/**
 * Ajv warnings become errors, except the one deprecation we opt into on purpose: `unicode:
 * false` (still honoured by ajv 8) makes `maxLength` a plain `.length` compare.
 */
export const AJV_LOGGER = {
  log: () => undefined,
  warn: (...args: unknown[]) => {
    const message = args.join(" ");
    if (!message.includes("option unicode")) throw new Error(`ajv: ${message}`);
  },
  error: (...args: unknown[]) => {
    throw new Error(`ajv: ${args.join(" ")}`);
  },
};

/**
 * A strict-mode ajv that knows the contract's metadata keywords (annotations, no validation).
 * `allowUnionTypes` lets `"type": ["string", "null"]` through; strict mode stays on.
 */
export function createStrictAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, unicode: false, logger: AJV_LOGGER, ...options });
  ajv.addVocabulary([...METADATA_KEYWORDS]);
  return ajv;
}

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

/** The `anyOf` list of `{ const, ...annotations }` that encodes a closed set of strings. */
function constList(rel: string, schema: JsonObject): JsonObject[] {
  const list = schema["anyOf"];
  if (!Array.isArray(list) || list.length === 0) {
    throw new SchemaError(rel, "/anyOf", "must be a non-empty list of { \"const\": ... } entries");
  }
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const value = isJsonObject(entry) ? entry["const"] : undefined;
    if (!isJsonObject(entry) || typeof value !== "string" || value === "") {
      throw new SchemaError(rel, `/anyOf/${i}`, 'must be an object with a non-empty string "const"');
    }
    if (seen.has(value)) throw new SchemaError(rel, `/anyOf/${i}/const`, `"${value}" is listed twice`);
    seen.add(value);
    return entry;
  });
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

function readCodes(schema: JsonObject, types: TypeEntry[]): CodeEntry[] {
  const rel = `${SCHEMA_DIR}/${SCHEMA_FILES.code}`;
  const known = new Set(types.map((t) => t.type));
  return constList(rel, schema).map((entry, i) => {
    const at = `/anyOf/${i}/x-error`;
    const code = entry["const"] as string;
    const meta = entry["x-error"];
    if (!isJsonObject(meta)) throw new SchemaError(rel, at, `code "${code}" needs an "x-error" object with ${CODE_FIELDS.join(", ")}`);
    for (const field of CODE_FIELDS) {
      if (!(field in meta)) throw new SchemaError(rel, `${at}/${field}`, `code "${code}" has no "${field}" (every code needs ${CODE_FIELDS.join(", ")})`);
    }
    const { status, type, meaning, action, retryable } = meta;
    if (typeof status !== "number" || !Number.isInteger(status) || status < 400 || status > 599) {
      throw new SchemaError(rel, `${at}/status`, `code "${code}": status must be an integer HTTP error status (400-599)`);
    }
    if (typeof type !== "string" || !known.has(type)) {
      throw new SchemaError(rel, `${at}/type`, `code "${code}": type must be one of the categories of ${SCHEMA_FILES.type} (${[...known].join(", ")})`);
    }
    for (const [field, value] of [["meaning", meaning], ["action", action]] as const) {
      if (typeof value !== "string" || value.trim() === "") {
        throw new SchemaError(rel, `${at}/${field}`, `code "${code}": ${field} must be a non-empty string`);
      }
    }
    if (typeof retryable !== "boolean") throw new SchemaError(rel, `${at}/retryable`, `code "${code}": retryable must be true or false`);
    const extra = Object.keys(meta).filter((k) => !(CODE_FIELDS as readonly string[]).includes(k));
    if (extra.length > 0) throw new SchemaError(rel, `${at}/${extra[0]}`, `code "${code}": unknown metadata field "${extra[0]}"`);
    return { code, status, type, meaning: meaning as string, action: action as string, retryable };
  });
}

function readStatuses(schema: JsonObject): StatusRow[] {
  const rel = `${SCHEMA_DIR}/${SCHEMA_FILES.envelope}`;
  const rows = schema["x-http-statuses"];
  if (!Array.isArray(rows)) throw new SchemaError(rel, "/x-http-statuses", "must be a list of { status, meaning, cause }");
  return rows.map((row, i) => {
    if (!isJsonObject(row) || typeof row["status"] !== "string" || typeof row["meaning"] !== "string" || typeof row["cause"] !== "string") {
      throw new SchemaError(rel, `/x-http-statuses/${i}`, "must be { status, meaning, cause }, all strings");
    }
    return { status: row["status"], meaning: row["meaning"], cause: row["cause"] };
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
  const codes = readCodes(schemas.code, types);
  const statuses = readStatuses(schemas.envelope);
  const pkg = JSON.parse(readFileSync(join(root, TYPES_PACKAGE_JSON), "utf8")) as { version?: unknown };
  if (typeof pkg.version !== "string") throw new Error(`${TYPES_PACKAGE_JSON} has no version`);
  return { version: pkg.version, schemas, codes, types, statuses };
}
