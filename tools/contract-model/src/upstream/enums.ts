import { isJsonObject, type JsonObject } from "../json.js";
import { SCHEMA_DIR } from "../schema-files.js";
import { SchemaError } from "../schema-error.js";
import { UPSTREAM_SCHEMA_FILE } from "./files.js";
import type { UpstreamDispositionEntry, UpstreamEnumEntry } from "./types.js";

const FILE = `${SCHEMA_DIR}/${UPSTREAM_SCHEMA_FILE}`;

/** The values of one `$defs` enum of the mapping schema (an `anyOf` of `{ const, description }`), in schema order. */
function entries(schema: JsonObject, def: string): Array<UpstreamEnumEntry & { item: JsonObject }> {
  const defs = schema["$defs"];
  const list = isJsonObject(defs) && isJsonObject(defs[def]) ? defs[def]["anyOf"] : undefined;
  if (!Array.isArray(list) || list.length === 0)
    throw new SchemaError(FILE, `/$defs/${def}`, "needs an anyOf of { const, description }");
  return list.map((item, i) => {
    if (!isJsonObject(item) || typeof item["const"] !== "string" || typeof item["description"] !== "string")
      throw new SchemaError(FILE, `/$defs/${def}/anyOf/${i}`, "must be { const: string, description: string }");
    return { value: item["const"], description: item["description"], item };
  });
}

/** The mapping schema's enums: dispositions (with `x-retryable`), transport failures, where an error was seen. */
export function readUpstreamEnums(schema: JsonObject): {
  dispositions: UpstreamDispositionEntry[];
  failures: UpstreamEnumEntry[];
  seenIn: UpstreamEnumEntry[];
} {
  const dispositions = entries(schema, "disposition").map(({ value, description, item }, i) => {
    const retryable = item["x-retryable"];
    if (retryable !== null && typeof retryable !== "boolean")
      throw new SchemaError(FILE, `/$defs/disposition/anyOf/${i}/x-retryable`, "must be true, false or null");
    return { value, description, retryable };
  });
  const plain = (def: string) => entries(schema, def).map(({ value, description }) => ({ value, description }));
  return { dispositions, failures: plain("failure"), seenIn: plain("seenIn") };
}
