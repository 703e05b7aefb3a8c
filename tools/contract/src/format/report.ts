import type { Base } from "../base.js";
import type { Bump } from "../bump.js";
import type { Change } from "../change.js";
import type { CheckResult } from "../check.js";
import type { Comparison } from "../compare.js";
import { IGNORE_FILE, type IgnoreEntry } from "../config.js";
import { lineOf, pointerLines } from "../json-lines.js";
import { SCHEMA_DIR } from "../schema-set.js";

/** A change as reported: where it is in the repository, line included. */
export interface ReportedChange extends Change {
  /** Path from the repository root, e.g. `schemas/error-code.schema.json`. */
  path: string;
  /** 1-based line of the changed spot in the working tree's file (its parent when removed). */
  line: number;
}

/** Everything a format prints: the shape of `--format json` (see report.schema.json). */
export interface Report {
  command: "diff" | "check";
  base: { ref: string; commit: string | null; reason: Base["reason"]; version: string | null };
  bump: Bump;
  changes: ReportedChange[];
  ignored: Array<{ change: ReportedChange; reason: string }>;
  stale: Array<IgnoreEntry & { file: string }>;
  check?: {
    ok: boolean;
    reason: string;
    required: Bump;
    requested: Bump;
    applied: CheckResult["applied"];
    changesets: CheckResult["changesets"];
    forcedBy: { rule: string; subject: string; message: string } | null;
  };
}

/** Builds the report of a comparison (diff) or of a check. */
export function buildReport(c: Comparison | CheckResult, command: "diff" | "check"): Report {
  const cache = new Map<string, Map<string, number>>();
  const locate = (change: Change): ReportedChange => {
    const text = c.texts.after.get(change.file) ?? c.texts.before.get(change.file) ?? "";
    let lines = cache.get(change.file);
    if (!lines) cache.set(change.file, (lines = pointerLines(text)));
    return { ...change, path: `${SCHEMA_DIR}/${change.file}`, line: lineOf(lines, change.pointer) };
  };
  const report: Report = {
    command,
    base: { ref: c.base.ref, commit: c.base.commit ?? null, reason: c.base.reason, version: c.base.version ?? null },
    bump: c.diff.bump,
    changes: c.diff.changes.map(locate),
    ignored: c.diff.ignored.map((i) => ({ change: locate(i.change), reason: i.entry.reason })),
    stale: c.diff.stale.map((e) => ({ ...e, file: IGNORE_FILE })),
  };
  if (command === "check" && "ok" in c) {
    report.check = {
      ok: c.ok,
      reason: c.reason,
      required: c.required,
      requested: c.requested,
      applied: c.applied,
      changesets: c.changesets,
      forcedBy: c.forcedBy ? { rule: c.forcedBy.rule, subject: c.forcedBy.subject, message: c.forcedBy.message } : null,
    };
  }
  return report;
}

/** `@org/error-types@1.0.0 (last release tag, 1a2b3c4d5e)` */
export function describeBase(base: Report["base"]): string {
  const version =
    base.version && base.reason !== "published package" && base.reason !== "last release tag"
      ? `, version ${base.version}`
      : "";
  const commit = base.commit && !base.commit.startsWith(base.ref) ? `, ${base.commit.slice(0, 10)}` : "";
  return `${base.ref} (${base.reason}${version}${commit})`;
}
