import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { JsonObject } from "../json.js";
import { readJsonFile, readSchemaFile } from "../read-files.js";
import { SCHEMA_DIR } from "../schema-files.js";

/** The schema of the upstream mapping files, in `schemas/`. */
export const UPSTREAM_SCHEMA_FILE = "upstream-mapping.schema.json";

/** The folder, relative to the repository root, of the mapping files (one `<provider>.json` each). */
export const UPSTREAM_DIR = `${SCHEMA_DIR}/upstream`;

/** The provider whose rules map whatever no provider rule matches (HTML pages, empty bodies, transport failures). */
export const FALLBACK_PROVIDER = "generic";

/** One mapping file, parsed, with its path relative to the repository root. */
export interface UpstreamFile {
  file: string;
  doc: JsonObject;
}

/** The mapping schema and the mapping files, parsed: what {@link readUpstreamMappings} reads. */
export interface UpstreamDocuments {
  schema: JsonObject;
  /** In file-name order. */
  files: UpstreamFile[];
}

/** Reads the mapping schema and every `schemas/upstream/*.json` under `root`; a file that cannot be parsed is a SchemaError naming it. */
export function readUpstreamFiles(root: string): UpstreamDocuments {
  const schema = readSchemaFile(root, UPSTREAM_SCHEMA_FILE);
  const names = readdirSync(join(root, UPSTREAM_DIR))
    .filter((n) => n.endsWith(".json"))
    .sort();
  return {
    schema,
    files: names.map((n) => ({ file: `${UPSTREAM_DIR}/${n}`, doc: readJsonFile(root, `${UPSTREAM_DIR}/${n}`) })),
  };
}
