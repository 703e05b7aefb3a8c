import { rank } from "../bump.js";
import { NAME_CAP, xml } from "./escape.js";
import type { ReportedChange, Report } from "./report.js";

/** One line of a test case's body: the tool's own label first, so no data starts a line of the log. */
const body = (c: ReportedChange) =>
  [`${c.path}:${c.line}: ${xml(c.message)}`, ...(c.impact ?? []).map((l) => `clients: ${xml(l)}`)].join("\n");

/**
 * JUnit XML: one test case per change. For `diff`, breaking changes fail; for `check`, the
 * changes the pending changesets do not cover fail, and one more case holds the gate's verdict.
 * Well-formed for any input: every data text goes through {@link xml}.
 */
export function formatJunit(r: Report): string {
  const covered = r.check ? Math.max(rank(r.check.requested), rank(r.check.applied.bump)) : rank("minor");
  const fails = (c: ReportedChange) => rank(c.bump) > covered;
  const cases = r.changes.map((c) => {
    const name = `${xml(c.rule, NAME_CAP)} ${xml(c.subject, NAME_CAP)}`;
    const head = `    <testcase classname="${xml(c.path)}" name="${name}">`;
    return fails(c)
      ? `${head}<failure type="${c.severity}" message="${xml(c.message)}">${body(c)}</failure></testcase>`
      : `${head}<system-out>${c.severity} ${body(c)}</system-out></testcase>`;
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
