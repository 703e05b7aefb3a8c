import type { SchemaSet } from "../src/schema-set.js";
import { baseSchemas, codeEntry, type Editable } from "./fixtures.js";

/**
 * The base fixture with `n` extra codes before and after an edit: each renamed (`renames`:
 * same facts, new name), or removed and replaced by codes with other meanings (`unpaired`:
 * nothing to pair, every candidate is looked at and refused).
 */
export function renameSets(n: number, kind: "renames" | "unpaired"): { before: SchemaSet; after: SchemaSet } {
  const before = baseSchemas();
  const after = structuredClone(before);
  for (let i = 0; i < n; i++) {
    (before as Editable).code.anyOf.push(codeEntry(`old_code_${i}`, { meaning: `Meaning ${i}` }));
    const meaning = kind === "renames" ? `Meaning ${i}` : `Other meaning ${i}`;
    (after as Editable).code.anyOf.push(codeEntry(`new_code_${i}`, { meaning }));
  }
  return { before, after };
}
