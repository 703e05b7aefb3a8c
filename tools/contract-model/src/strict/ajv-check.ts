import { createStrictAjv } from "../ajv.js";
import type { JsonObject } from "../json.js";
import { SCHEMA_FILES, type SchemaName } from "../schema-files.js";
import { fail } from "./context.js";

/** Runs ajv in strict mode over every schema: meta-schema errors name the pointer, strict errors the file. */
export function checkWithAjv(schemas: Record<SchemaName, JsonObject>): void {
  const ajv = createStrictAjv();
  const names = Object.keys(SCHEMA_FILES) as SchemaName[];
  for (const name of names) {
    if (!ajv.validateSchema(schemas[name])) {
      const err = ajv.errors?.[0];
      fail(name, err?.instancePath ?? "", `is not a valid JSON Schema: ${err?.message ?? "rejected"}`);
    }
    ajv.addSchema(schemas[name], SCHEMA_FILES[name]);
  }
  for (const name of names) {
    try {
      ajv.getSchema(SCHEMA_FILES[name]);
    } catch (e) {
      fail(name, "", `rejected by ajv in strict mode: ${(e as Error).message}`);
    }
  }
}
