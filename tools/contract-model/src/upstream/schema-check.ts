import type { ErrorObject, ValidateFunction } from "ajv";
import { createStrictAjv } from "../ajv.js";
import type { JsonObject } from "../json.js";
import { at } from "../pointer.js";
import { SCHEMA_DIR } from "../schema-files.js";
import { SchemaError } from "../schema-error.js";
import { UPSTREAM_SCHEMA_FILE, type UpstreamFile } from "./files.js";

/** The mapping schema's own annotation keywords (besides the contract's): ajv must know them to stay strict. */
export const UPSTREAM_KEYWORDS = ["x-retryable"] as const;

/** Where an ajv error points: the member it names, for an unknown or a missing member. */
function pointerOf(e: ErrorObject): string {
  const params = e.params as { additionalProperty?: string; missingProperty?: string };
  const member = params.additionalProperty ?? params.missingProperty;
  return member === undefined ? e.instancePath : at(e.instancePath, member);
}

function say(e: ErrorObject): string {
  const params = e.params as { additionalProperty?: string; allowedValues?: unknown[] };
  if (params.additionalProperty !== undefined) return `unknown member "${params.additionalProperty}"`;
  if (params.allowedValues)
    return `${e.message ?? "is not allowed"}: ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  return e.message ?? "is not allowed";
}

/** The error to report: the deepest one (an anyOf reports its branches' errors and then its own, shallower one). */
function deepest(errors: ErrorObject[]): ErrorObject {
  return errors.reduce((best, e) => (pointerOf(e).split("/").length > pointerOf(best).split("/").length ? e : best));
}

/** Compiled validators by the schema's text: compiling costs far more than validating, and a tool reads the same schema many times. */
const VALIDATORS = new Map<string, ValidateFunction>();

function compiled(schema: JsonObject): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = VALIDATORS.get(key);
  if (validate) return validate;
  const ajv = createStrictAjv();
  ajv.addVocabulary([...UPSTREAM_KEYWORDS]);
  try {
    validate = ajv.compile(schema);
  } catch (e) {
    throw new SchemaError(
      `${SCHEMA_DIR}/${UPSTREAM_SCHEMA_FILE}`,
      "",
      `rejected by ajv in strict mode: ${(e as Error).message}`,
    );
  }
  VALIDATORS.set(key, validate);
  return validate;
}

/**
 * Compiles the mapping schema with the strict ajv (a schema problem names the schema file) and
 * validates every mapping file with it (a problem names the file and the JSON Pointer).
 */
export function checkUpstreamSchema(schema: JsonObject, files: readonly UpstreamFile[]): void {
  const validate = compiled(schema);
  for (const { file, doc } of files) {
    if (validate(doc)) continue;
    const error = deepest(validate.errors ?? []);
    throw new SchemaError(file, pointerOf(error), say(error));
  }
}
