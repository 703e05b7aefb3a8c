import { maxBump } from "./bump.js";
import type { ContractDiff } from "./change.js";
import { diffCategories } from "./classify/categories.js";
import { diffCodes } from "./classify/codes.js";
import { diffEnvelope } from "./classify/envelope.js";
import { ChangeLog } from "./classify/json.js";
import { SCHEMA_FILES, SCHEMA_ROLES, type SchemaRole, type SchemaSet } from "./schema-set.js";

const CLASSIFIERS: Record<SchemaRole, typeof diffCodes> = {
  code: diffCodes,
  type: diffCategories,
  envelope: diffEnvelope,
  lenient: diffEnvelope,
};

/**
 * Compares two versions of the contract's schemas and classifies every change:
 * major (breaks someone), minor (adds), patch (wording). Pure: no files, no git.
 */
export function diffContracts(before: SchemaSet, after: SchemaSet): ContractDiff {
  const changes = SCHEMA_ROLES.flatMap((role) => {
    const log = new ChangeLog(SCHEMA_FILES[role]);
    CLASSIFIERS[role](log, before[role], after[role]);
    return log.changes;
  });
  return { changes, bump: maxBump(changes.map((c) => c.bump)) };
}
