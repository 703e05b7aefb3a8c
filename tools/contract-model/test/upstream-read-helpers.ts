import { expect } from "vitest";
import {
  findRepoRoot,
  type JsonObject,
  readContract,
  readSchemaFiles,
  readUpstreamFiles,
  readUpstreamMappings,
  SchemaError,
  type UpstreamDocuments,
} from "../src/index.js";

export const ROOT = findRepoRoot(import.meta.url);
export const CONTRACT = readContract(readSchemaFiles(ROOT), { strict: true });
export const DOCS = readUpstreamFiles(ROOT);

/** An edit of one provider's mapping file (or of the whole set). */
export type MappingEdit = (doc: JsonObject, docs: UpstreamDocuments) => void;

/** A copy of the mapping documents with `edit` applied to one provider's file. */
export function edited(provider: string, edit: MappingEdit): UpstreamDocuments {
  const docs = structuredClone(DOCS);
  const file = docs.files.find((f) => f.file.endsWith(`/${provider}.json`));
  if (!file) throw new Error(`no mapping file for ${provider}`);
  edit(file.doc, docs);
  return docs;
}

/** The rules of a mapping file. */
export const rules = (doc: JsonObject): JsonObject[] => doc["rules"] as JsonObject[];

/** The SchemaError the reader throws for `docs`; fails the test when it accepts them. */
export function refusal(docs: UpstreamDocuments): SchemaError {
  try {
    readUpstreamMappings(docs, CONTRACT);
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
  throw new Error("the reader accepted the mapping");
}

/** A refusal case: its name, the provider edited, the edit, the pointer named and what the message says. */
export type Refusal = [string, string, MappingEdit, string, RegExp];

/** Checks that the refusal names the provider's file and the pointer, and says what is wrong. */
export function expectRefusal(provider: string, edit: MappingEdit, pointer: string, says: RegExp): void {
  const e = refusal(edited(provider, edit));
  expect(e.file).toBe(`schemas/upstream/${provider}.json`);
  expect(e.pointer.startsWith(pointer) || e.pointer.endsWith(pointer)).toBe(true);
  expect(e.message).toMatch(says);
  expect(e.message.startsWith(`schemas/upstream/${provider}.json#/`)).toBe(true);
}
