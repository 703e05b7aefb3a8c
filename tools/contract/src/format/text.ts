import { NAME_CAP, terminal } from "./escape.js";
import { describeBase, type Report } from "./report.js";

/** A name (rule id, subject) on a terminal line. */
const name = (s: string) => terminal(s, NAME_CAP);

/**
 * The default report: one line per change (severity, rule, file:line, message), client impact
 * indented below. Every line starts with the tool's own words; data is escaped by
 * {@link terminal} (one line, no controls, capped), so no name can forge a line.
 */
export function formatText(r: Report): string {
  const out = [`contract ${r.command}: schemas/ at ${terminal(describeBase(r.base))} -> working tree`];
  if (r.changes.length === 0) out.push("  no contract changes");
  const ruleWidth = Math.max(0, ...r.changes.map((c) => name(c.rule).length));
  for (const c of r.changes) {
    out.push(
      `  ${c.severity.padEnd(8)}  ${name(c.rule).padEnd(ruleWidth)}  ${c.path}:${c.line}  ${terminal(c.message)}`,
    );
    for (const line of c.impact ?? []) out.push(`      clients: ${terminal(line)}`);
  }
  for (const i of r.ignored)
    out.push(
      `  ignored   ${name(i.change.rule)} ${name(i.change.subject)}: ${terminal(i.change.message)} (reason: ${terminal(i.reason)})`,
    );
  for (const s of r.stale)
    out.push(
      `  stale ignore entry in ${s.file}: ${name(s.rule)} ${name(JSON.stringify(s.subject))} matches no change: remove it`,
    );
  const forced = r.check?.forcedBy ?? r.changes.find((c) => c.bump === r.bump);
  const forcedBy = forced ? ` (forced by ${name(forced.rule)} on ${name(forced.subject)})` : "";
  if (!r.check) {
    out.push(`required bump: ${r.bump}${forcedBy}`);
    return out.join("\n");
  }
  const k = r.check;
  const applied =
    k.applied.bump !== "none"
      ? `; version step applied: ${k.applied.bump} (${terminal(String(k.applied.from))} -> ${terminal(String(k.applied.to))})`
      : "";
  out.push(`required bump: ${k.required}${forcedBy}; changesets ask for: ${k.requested}${applied}`);
  out.push(`${k.ok ? "ok" : "FAILED"}: ${terminal(k.reason)}`);
  return out.join("\n");
}
