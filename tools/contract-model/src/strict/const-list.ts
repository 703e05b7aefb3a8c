import { isJsonObject, type JsonObject } from "../json.js";
import type { SchemaName } from "../schema-files.js";
import { fail, type StrictInput } from "./context.js";

/** The `anyOf` list of `{ const, ...annotations }` that encodes a closed set of strings. */
export function constList(file: SchemaName, schema: JsonObject): JsonObject[] {
  const list = schema["anyOf"];
  if (!Array.isArray(list) || list.length === 0)
    fail(file, "/anyOf", 'must be a non-empty list of { "const": ... } entries');
  const seen = new Set<string>();
  return list.map((entry, i) => {
    const value = isJsonObject(entry) ? entry["const"] : undefined;
    if (!isJsonObject(entry) || typeof value !== "string" || value === "")
      fail(file, `/anyOf/${i}`, 'must be an object with a non-empty string "const"');
    if (seen.has(value)) fail(file, `/anyOf/${i}/const`, `"${value}" is listed twice`);
    seen.add(value);
    return entry;
  });
}

/** The categories of error-type.schema.json, each with its description. */
export function readTypes({ schemas }: StrictInput): Array<{ type: string; description: string; pointer: string }> {
  return constList("type", schemas.type).map((entry, i) => {
    const description = entry["description"];
    if (typeof description !== "string") fail("type", `/anyOf/${i}`, 'needs a "description"');
    return { type: entry["const"] as string, description, pointer: `/anyOf/${i}` };
  });
}
