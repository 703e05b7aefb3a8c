import type { Bump } from "../src/bump.js";
import type { PendingChangeset } from "../src/changesets.js";
import { checkComparison, type CheckResult } from "../src/check.js";
import type { Comparison } from "../src/compare.js";
import type { DiffOptions } from "../src/config.js";
import { diffContracts } from "../src/diff.js";
import { buildReport, type Report } from "../src/format/index.js";
import { CONTRACT_PACKAGE, DEFAULT_GROUP } from "../src/release-config.js";
import { SCHEMA_FILES, SCHEMA_ROLES, type SchemaSet } from "../src/schema-set.js";

/** What a run is given besides the two schema sets. */
export interface RunSetup {
  options?: DiffOptions;
  /** The base ref as printed (`--base`). */
  ref?: string;
  /** For `check`: the bump the pending changesets ask for, and the working tree's contract version (base 1.0.0). */
  requested?: Bump;
  version?: string;
}

/** The schema texts by file name, as the working tree would hold them (for line numbers). */
const textsOf = (set: SchemaSet) =>
  new Map(SCHEMA_ROLES.map((role) => [SCHEMA_FILES[role], JSON.stringify(set[role], null, 2)]));

/** The comparison the CLI would make for these two schema sets, without git or files. */
export function comparisonOf(before: SchemaSet, after: SchemaSet, setup: RunSetup = {}): Comparison {
  return {
    root: "/nonexistent",
    base: {
      ref: setup.ref ?? "v1",
      commit: undefined,
      reason: "given with --base",
      version: "1.0.0",
      read: () => undefined,
    },
    config: { group: [...DEFAULT_GROUP], baseBranch: "main" },
    diff: diffContracts(before, after, setup.options),
    texts: { before: textsOf(before), after: textsOf(after) },
  };
}

/** The check's result for these sets: a changeset asking for `requested` (none when "none"). */
export function checkOf(before: SchemaSet, after: SchemaSet, setup: RunSetup = {}): CheckResult {
  const requested = setup.requested ?? "none";
  const changesets: PendingChangeset[] =
    requested === "none" ? [] : [{ file: ".changeset/x.md", releases: { [CONTRACT_PACKAGE]: requested } }];
  return checkComparison(comparisonOf(before, after, setup), changesets, setup.version ?? "1.0.0");
}

/** The report `contract-tools <command>` builds for these sets. */
export function reportOf(command: "diff" | "check", before: SchemaSet, after: SchemaSet, setup: RunSetup = {}): Report {
  return command === "diff"
    ? buildReport(comparisonOf(before, after, setup), "diff")
    : buildReport(checkOf(before, after, setup), "check");
}
