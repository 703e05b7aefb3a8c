import type { Severity } from "../rules/index.js";
import { describeBase, type Report } from "./report.js";

/** GitHub's workflow-command level for a severity. */
const LEVEL: Record<Severity, "error" | "warning" | "notice"> = {
  breaking: "error",
  warning: "warning",
  info: "notice",
};

/** Escapes a workflow command's message (`%`, CR, LF). */
const data = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
/** Escapes a property value (also `:` and `,`). */
const prop = (s: string) => data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * GitHub Actions workflow commands: one annotation per change on the changed line of the
 * schema file (`::error file=schemas/x.json,line=N,title=rule::message`), then the verdict.
 */
export function formatGithub(r: Report): string {
  const out: string[] = [];
  for (const c of r.changes) {
    const text = [c.message, ...(c.impact ?? []).map((l) => `clients: ${l}`)].join("\n");
    out.push(
      `::${LEVEL[c.severity]} file=${c.path},line=${c.line},title=${prop(`${c.rule} (${c.severity})`)}::${data(text)}`,
    );
  }
  for (const s of r.stale)
    out.push(
      `::warning file=${s.file},title=${prop("stale contract ignore")}::${data(`${s.rule} ${JSON.stringify(s.subject)} matches no change: remove the entry`)}`,
    );
  const summary = `contract ${r.command} against ${describeBase(r.base)}: required bump ${r.bump}`;
  if (r.check)
    out.push(
      `::${r.check.ok ? "notice" : "error"} title=${prop(`contract ${r.check.ok ? "ok" : "check failed"}`)}::${data(`${summary}; ${r.check.reason}`)}`,
    );
  else out.push(`::notice title=contract diff::${data(summary)}`);
  return out.join("\n");
}
