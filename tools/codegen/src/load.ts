import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Fact, readContract, readSchemaFiles, TYPES_PACKAGE_JSON } from "@org/contract-model";
import type { Contract } from "./contract.js";

/** Re-exported for the targets and tools that still import them from here. */
export { AJV_LOGGER, createStrictAjv, METADATA_KEYWORDS } from "@org/contract-model";

/** Drops the pointer each record carries: the targets' shapes stay what they were. */
const bare = <T extends { pointer: string }>({ pointer: _p, ...rest }: T): Omit<T, "pointer"> => rest;

/**
 * Reads schemas/ under `root` with @org/contract-model's strict reader and returns the
 * contract model. Throws SchemaError naming the file and the pointer. `vocabulary` replaces
 * the contract's vocabulary table (tests add a row).
 */
export function loadContract(root: string, vocabulary?: Readonly<Record<string, Fact>>): Contract {
  const read = readContract(readSchemaFiles(root), vocabulary ? { strict: true, vocabulary } : { strict: true });
  const pkg = JSON.parse(readFileSync(join(root, TYPES_PACKAGE_JSON), "utf8")) as { version?: unknown };
  if (typeof pkg.version !== "string") throw new Error(`${TYPES_PACKAGE_JSON} has no version`);
  return {
    version: pkg.version,
    schemas: read.schemas,
    codes: read.codes.map(bare),
    types: read.types.map(bare),
    statuses: read.statuses.map(bare),
    rules: read.rules,
    names: read.names,
    constants: read.constants,
    records: read.records,
    dialects: read.dialects,
  };
}
