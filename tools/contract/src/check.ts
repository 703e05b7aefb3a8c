import { type Bump, bumpBetween, maxBump, parseVersion, rank } from "./bump.js";
import type { Change } from "./change.js";
import { type Comparison, compareWithBase, workingTreeVersion } from "./compare.js";
import { type PendingChangeset, readPendingChangesets, requestedBump } from "./changesets.js";
import { CONTRACT_PACKAGE_JSON } from "./release-config.js";

/** What `contract:check` decided, and everything it decided on. */
export interface CheckResult extends Comparison {
  ok: boolean;
  /** One sentence: why it passed or failed. */
  reason: string;
  /** The bump the schema changes need. */
  required: Bump;
  /** The bump the pending changesets ask for the fixed group. */
  requested: Bump;
  /** The bump the version step already applied since the base (base version -> current version). */
  applied: { bump: Bump; from: string | undefined; to: string | undefined };
  /** The pending changesets that ask for a release of the fixed group. */
  changesets: PendingChangeset[];
  /** The change that forced the required bump (the first of the strongest), if any. */
  forcedBy: Change | undefined;
}

/** What {@link judge} decided: pass or fail, and why. */
export interface Verdict {
  ok: boolean;
  reason: string;
}

/**
 * The rule of `contract:check`: a schema change needs a pending changeset (or a version step
 * already done) asking for at least the bump the change requires.
 */
export function judge(
  required: Bump,
  requested: Bump,
  applied: Bump,
  files: string[],
  baseRef: string,
  forcedBy?: Change,
): Verdict {
  const covered = maxBump([requested, applied]);
  const why = forcedBy ? ` (forced by ${forcedBy.rule}: ${forcedBy.message})` : "";
  const asked = files.length > 0 ? ` (${files.join(", ")})` : "";
  if (required === "none") return { ok: true, reason: `no contract change in schemas/ since ${baseRef}` };
  if (covered === "none") {
    return {
      ok: false,
      reason: `schemas/ changed since ${baseRef} and the change needs a ${required} release${why}, but no changeset for the contract packages is pending: run \`pnpm changeset\` and choose ${required} (or stronger)`,
    };
  }
  if (rank(covered) < rank(required)) {
    return {
      ok: false,
      reason: `the pending changesets ask for a ${covered} release${asked} but the schema changes since ${baseRef} need ${required}${why}: raise the bump to ${required}`,
    };
  }
  return {
    ok: true,
    reason: `the schema changes since ${baseRef} need ${required}${why}; the release asks for ${covered}${asked}`,
  };
}

/** Runs the whole check under `root`: compare, read the changesets, judge. */
export function runCheck(root: string, baseRef?: string): CheckResult {
  return checkComparison(
    compareWithBase(root, baseRef),
    readPendingChangesets(root),
    workingTreeVersion(root, CONTRACT_PACKAGE_JSON),
  );
}

/**
 * The check's decision for a comparison, the pending changesets and the working tree's
 * contract version (`to`). Pure: {@link runCheck} reads the files, tests call it directly.
 */
export function checkComparison(comparison: Comparison, all: PendingChangeset[], to: string | undefined): CheckResult {
  const group = comparison.config.group;
  const changesets = all.filter((c) => requestedBump([c], group) !== "none");
  const requested = requestedBump(changesets, group);
  const from = comparison.base.version;
  const fromV = from === undefined ? undefined : parseVersion(from);
  const toV = to === undefined ? undefined : parseVersion(to);
  const applied = fromV && toV ? bumpBetween(fromV, toV) : "none";
  const required = comparison.diff.bump;
  const forcedBy = comparison.diff.changes.find((c) => c.bump === required);
  const verdict = judge(
    required,
    requested,
    applied,
    changesets.map((c) => c.file),
    comparison.base.ref,
    forcedBy,
  );
  let reason =
    applied !== "none" && verdict.ok && required !== "none"
      ? `${verdict.reason} (the version step already went ${from} -> ${to})`
      : verdict.reason;
  // "No change" must not hide that reviewed ignore entries accepted some.
  if (required === "none" && comparison.diff.ignored.length > 0)
    reason += ` (${comparison.diff.ignored.length} change(s) accepted by reviewed ignore entries)`;
  return {
    ...comparison,
    ...verdict,
    reason,
    required,
    requested,
    applied: { bump: applied, from, to },
    changesets,
    forcedBy,
  };
}
