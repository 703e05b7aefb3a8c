/** A JSON value as read from a schema file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** True for a JSON object (not an array, not null). */
export const isJsonObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** A schema without its file-level keywords (`$schema`, `$id`, `$defs`): what is embedded elsewhere. */
export function schemaBody(schema: JsonObject): JsonObject {
  const { $schema: _s, $id: _i, $defs: _d, ...rest } = schema;
  return rest;
}
