import type { Base } from "./base.js";
import type { ContractDiff } from "./change.js";
import type { CheckResult } from "./check.js";
import type { Comparison } from "./compare.js";

/** `@org/error-types@1.0.0 (last release tag, 1a2b3c4d5e)` */
export function describeBase(base: Base): string {
  return `${base.ref} (${base.reason}, ${base.commit.slice(0, 10)})`;
}

/** The changes, one a line: bump, file, what changed. */
export function formatChanges(diff: ContractDiff): string[] {
  if (diff.changes.length === 0) return ["  no contract changes"];
  const width = Math.max(...diff.changes.map((c) => c.file.length));
  return diff.changes.map((c) => `  ${c.bump.padEnd(5)}  ${c.file.padEnd(width)}  ${c.message}`);
}

/** The text report of `contract:diff`. */
export function formatDiff(c: Comparison): string {
  return [`contract diff: schemas/ at ${describeBase(c.base)} -> working tree`, ...formatChanges(c.diff), `required bump: ${c.diff.bump}`].join("\n");
}

/** The JSON report of `contract:diff` (stable field names: CI scripts read it). */
export function diffJson(c: Comparison): object {
  return { base: c.base, bump: c.diff.bump, changes: c.diff.changes };
}

/** The text report of `contract:check`. */
export function formatCheck(r: CheckResult): string {
  return [
    `contract check: schemas/ at ${describeBase(r.base)} -> working tree`,
    ...formatChanges(r.diff),
    `required bump: ${r.required}; changesets ask for: ${r.requested}${r.applied.bump !== "none" ? `; version step applied: ${r.applied.bump} (${r.applied.from} -> ${r.applied.to})` : ""}`,
    `${r.ok ? "ok" : "FAILED"}: ${r.reason}`,
  ].join("\n");
}

/** The JSON report of `contract:check`. */
export function checkJson(r: CheckResult): object {
  return {
    ok: r.ok,
    reason: r.reason,
    base: r.base,
    required: r.required,
    requested: r.requested,
    applied: r.applied,
    changesets: r.changesets,
    changes: r.diff.changes,
  };
}
