/** One business code with the metadata that lives next to it in schemas/error-code.schema.json. */
export interface CodeEntry {
  code: string;
  status: number;
  type: string;
  meaning: string;
  action: string;
  retryable: boolean;
}

/** One `type` category from schemas/error-type.schema.json. */
export interface TypeEntry {
  type: string;
  description: string;
}

/** One row of the reference's HTTP status table (`x-http-statuses` of the envelope schema). */
export interface StatusRow {
  status: string;
  meaning: string;
  cause: string;
}

/** A JSON value as read from a schema file. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** True for a JSON object (not an array, not null). */
export const isJsonObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** A schema without its file-level keywords (`$schema`, `$id`, `$defs`): what is embedded elsewhere. */
export function schemaBody(schema: JsonObject): JsonObject {
  const { $schema: _s, $id: _i, $defs: _d, ...rest } = schema;
  return rest;
}

/** Everything the targets need, read and checked once. */
export interface Contract {
  /** The contract's version: the version of @org/error-types. */
  version: string;
  /** The source schemas, parsed, by file name. */
  schemas: {
    code: JsonObject;
    type: JsonObject;
    envelope: JsonObject;
    lenient: JsonObject;
  };
  codes: CodeEntry[];
  types: TypeEntry[];
  statuses: StatusRow[];
}
