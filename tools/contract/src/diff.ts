import { maxBump } from "./bump.js";
import type { Change, ContractDiff } from "./change.js";
import { diffCategories } from "./classify/categories.js";
import { diffCodes } from "./classify/codes.js";
import { diffDialects } from "./classify/dialects.js";
import { diffEnvelope } from "./classify/envelope.js";
import { ChangeLog } from "./classify/json.js";
import { diffMetadata } from "./classify/metadata.js";
import type { DiffOptions, IgnoreEntry } from "./config.js";
import { readModel } from "./model.js";
import { BUMP_OF, SEVERITIES } from "./rules/index.js";
import { SCHEMA_FILES, type SchemaSet } from "./schema-set.js";

/** A change a reviewed ignore entry accepted. */
export interface IgnoredChange {
  change: Change;
  entry: IgnoreEntry;
}

/** The diff after the repository's configuration: what counts, what was accepted, which entries matched nothing. */
export interface ConfiguredDiff extends ContractDiff {
  ignored: IgnoredChange[];
  /** Ignore entries that matched no change: remove them. */
  stale: IgnoreEntry[];
}

/**
 * Compares two versions of the contract's schemas and reports every change under its rule
 * id with the rule's default severity. Pure: no files, no git.
 */
export function classifyChanges(before: SchemaSet, after: SchemaSet): Change[] {
  const was = readModel(before);
  const now = readModel(after);
  const logs = {
    code: new ChangeLog(SCHEMA_FILES.code),
    type: new ChangeLog(SCHEMA_FILES.type),
    envelope: new ChangeLog(SCHEMA_FILES.envelope),
    lenient: new ChangeLog(SCHEMA_FILES.lenient),
  };
  diffCodes(logs.code, was, now, before.code, after.code);
  diffCategories(logs.type, before.type, after.type);
  diffEnvelope(logs.envelope, before.envelope, after.envelope, true);
  diffMetadata(logs.envelope, was, now);
  diffDialects(logs.envelope, was, now);
  diffEnvelope(logs.lenient, before.lenient, after.lenient, false);
  return [...logs.code.changes, ...logs.type.changes, ...logs.envelope.changes, ...logs.lenient.changes];
}

/**
 * {@link classifyChanges}, then the repository's severity overrides and reviewed ignores.
 * The bump is the strongest severity among the changes that were not ignored.
 */
export function diffContracts(
  before: SchemaSet,
  after: SchemaSet,
  options: DiffOptions = { severity: {}, ignore: [] },
): ConfiguredDiff {
  const all = classifyChanges(before, after).map(({ minSeverity, ...c }) => {
    let severity = (Object.hasOwn(options.severity, c.rule) ? options.severity[c.rule] : undefined) ?? c.severity;
    if (minSeverity && SEVERITIES.indexOf(severity) < SEVERITIES.indexOf(minSeverity)) severity = minSeverity;
    return severity !== c.severity ? { ...c, severity, bump: BUMP_OF[severity] } : c;
  });
  const matches = (e: IgnoreEntry, c: Change) => e.rule === c.rule && e.subject === c.subject;
  const ignored: IgnoredChange[] = [];
  const changes: Change[] = [];
  for (const c of all) {
    const entry = options.ignore.find((e) => matches(e, c));
    if (entry) ignored.push({ change: c, entry });
    else changes.push(c);
  }
  const stale = options.ignore.filter((e) => !all.some((c) => matches(e, c)));
  return { changes, bump: maxBump(changes.map((c) => c.bump)), ignored, stale };
}
