import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SCHEMA_DIR } from "@org/contract-model";
import { parseSchema, type UpstreamSet } from "./schema-set.js";

export type { UpstreamSet };

/** Where the upstream mapping files sit (issue 25), relative to the repository root. */
export const UPSTREAM_DIR = `${SCHEMA_DIR}/upstream`;

/** The mapping files of the working tree under `root` (none when the folder is absent, as before contract 1.2). */
export function listWorkingTreeUpstream(root: string): string[] {
  try {
    return readdirSync(join(root, UPSTREAM_DIR)).filter((f) => f.endsWith(".json"));
  } catch {
    return [];
  }
}

/**
 * Reads the mapping files `names` (file names in the folder) with `read`, keeping their texts
 * for line numbers. A file that vanished between listing and reading is left out.
 */
export function readUpstreamSet(
  names: readonly string[],
  read: (rel: string) => string | undefined,
  origin: string,
): { set: UpstreamSet; texts: Map<string, string> } {
  const set: UpstreamSet = new Map();
  const texts = new Map<string, string>();
  for (const name of [...names].sort()) {
    const rel = `${UPSTREAM_DIR}/${name}`;
    const text = read(rel);
    if (text === undefined) continue;
    const file = `upstream/${name}`;
    set.set(file, parseSchema(text, `${rel} ${origin}`));
    texts.set(file, text);
  }
  return { set, texts };
}
