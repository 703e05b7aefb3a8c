import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readSchemaSet, type SchemaSet } from "../src/schema-set.js";
import { readUpstreamSet } from "../src/upstream-set.js";

/** Folder of the base fixture: a small contract (4 codes, 4 categories, both envelopes). */
export const FIXTURE_DIR = fileURLToPath(new URL("./fixtures/base/", import.meta.url));

/** A fresh copy of the base fixture's schema set. */
export function baseSchemas(): SchemaSet {
  const read = (rel: string) => readFileSync(`${FIXTURE_DIR}${rel.replace(/^schemas\//, "")}`, "utf8");
  const set = readSchemaSet(read, "in the fixture");
  // One provider's upstream mapping (contract 1.2), so that edits of it can be classified.
  set.upstream = readUpstreamSet(["openai.json"], read, "in the fixture").set;
  return set;
}

/**
 * The schemas as a test edits them. `any` on purpose: an edit reaches deep into JSON that the
 * types cannot describe, and the classifier under test reads it as untyped JSON anyway.
 */
export type Editable = Record<keyof SchemaSet, any>;

/** One fixture pair: the base and the base after `edit`. */
export function pair(edit: (s: Editable) => void): { before: SchemaSet; after: SchemaSet } {
  const before = baseSchemas();
  const after = structuredClone(before);
  edit(after as Editable);
  return { before, after };
}

/** A new code entry for error-code.schema.json. */
export function codeEntry(
  code: string,
  meta: Partial<Record<"status" | "type" | "meaning" | "action", string | number>> & { retryable?: boolean } = {},
): object {
  return {
    const: code,
    "x-error": {
      status: 409,
      type: "invalid_request_error",
      meaning: `Meaning of ${code}`,
      action: "Adjust the request",
      retryable: false,
      ...meta,
    },
  };
}
