import { rank } from "../bump.js";
import type { ReportedChange, Report } from "./report.js";

const xml = (s: string) =>
  s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/**
 * JUnit XML: one test case per change. For `diff`, breaking changes fail; for `check`, the
 * changes the pending changesets do not cover fail, and one more case holds the gate's verdict.
 */
export function formatJunit(r: Report): string {
  const covered = r.check ? Math.max(rank(r.check.requested), rank(r.check.applied.bump)) : rank("minor");
  const fails = (c: ReportedChange) => rank(c.bump) > covered;
  const cases = r.changes.map((c) => {
    const name = xml(`${c.rule} ${c.subject}`);
    const body = xml([c.message, ...(c.impact ?? [])].join("\n"));
    const where = `${c.path}:${c.line}`;
    return fails(c)
      ? `    <testcase classname="${xml(c.path)}" name="${name}"><failure type="${c.severity}" message="${xml(c.message)}">${xml(where)}\n${body}</failure></testcase>`
      : `    <testcase classname="${xml(c.path)}" name="${name}"><system-out>${xml(c.severity)} ${xml(where)}\n${body}</system-out></testcase>`;
  });
  if (r.check) {
    cases.push(
      r.check.ok
        ? `    <testcase classname="changesets" name="contract check"/>`
        : `    <testcase classname="changesets" name="contract check"><failure type="gate" message="${xml(r.check.reason)}"/></testcase>`,
    );
  }
  const failures = r.changes.filter(fails).length + (r.check && !r.check.ok ? 1 : 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="contract ${r.command}" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="contract ${r.command} (required bump: ${r.bump})" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    `  </testsuite>`,
    `</testsuites>`,
  ].join("\n");
}
