import type { Severity } from "../rules/index.js";
import { GITHUB_NEWLINE, githubData as data, githubProperty as prop } from "./escape.js";
import { describeBase, type Report } from "./report.js";

/** GitHub's workflow-command level for a severity. */
const LEVEL: Record<Severity, "error" | "warning" | "notice"> = {
  breaking: "error",
  warning: "warning",
  info: "notice",
};

/**
 * GitHub Actions workflow commands: one annotation per change on the changed line of the
 * schema file (`::error file=schemas/x.json,line=N,title=rule::message`), then the verdict.
 * Each line is one command of the tool's own: data is percent-encoded (see escape.ts).
 */
export function formatGithub(r: Report): string {
  const out: string[] = [];
  for (const c of r.changes) {
    const text = [c.message, ...(c.impact ?? []).map((l) => `clients: ${l}`)].map((l) => data(l)).join(GITHUB_NEWLINE);
    out.push(
      `::${LEVEL[c.severity]} file=${prop(c.path)},line=${c.line},title=${prop(`${c.rule} (${c.severity})`)}::${text}`,
    );
  }
  for (const s of r.stale)
    out.push(
      `::warning file=${prop(s.file)},title=${prop("stale contract ignore")}::${data(`${s.rule} ${JSON.stringify(s.subject)} matches no change: remove the entry`)}`,
    );
  const summary = `contract ${r.command} against ${describeBase(r.base)}: required bump ${r.bump}`;
  if (r.check)
    out.push(
      `::${r.check.ok ? "notice" : "error"} title=${prop(`contract ${r.check.ok ? "ok" : "check failed"}`)}::${data(`${summary}; ${r.check.reason}`)}`,
    );
  else out.push(`::notice title=contract diff::${data(summary)}`);
  return out.join("\n");
}
