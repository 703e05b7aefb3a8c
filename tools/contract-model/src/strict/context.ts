import type { JsonObject } from "../json.js";
import { SCHEMA_DIR, SCHEMA_FILES, type SchemaName } from "../schema-files.js";
import { SchemaError } from "../schema-error.js";
import type { Fact } from "../vocabulary.js";

/** What every strict reader gets: the parsed schemas and the vocabulary they are read with. */
export interface StrictInput {
  schemas: Record<SchemaName, JsonObject>;
  vocabulary: Readonly<Record<string, Fact>>;
}

/** A schema file's path relative to the repository root, as errors name it. */
export const rel = (file: SchemaName): string => `${SCHEMA_DIR}/${SCHEMA_FILES[file]}`;

/** Throws the error that names the file and the pointer. */
export function fail(file: SchemaName, pointer: string, detail: string): never {
  throw new SchemaError(rel(file), pointer, detail);
}

/** The vocabulary's rows directly under `prefix` (the members of a code, of a status row), by member name, in table order. */
export function membersUnder(vocabulary: StrictInput["vocabulary"], prefix: string): Array<[string, Fact]> {
  return Object.values(vocabulary).flatMap((fact) => {
    if (!fact.pointer.startsWith(`${prefix}/`)) return [];
    const member = fact.pointer.slice(prefix.length + 1);
    return member.includes("/") ? [] : [[member, fact] as [string, Fact]];
  });
}

/** How the error messages spell a JSON type. */
export const SPELLED = { integer: "number", string: "string", boolean: "boolean", array: "list", object: "object" };
