import { describeBase, type Report } from "./report.js";

/** The default report: one line per change (severity, rule, file:line, message), client impact indented below. */
export function formatText(r: Report): string {
  const out = [`contract ${r.command}: schemas/ at ${describeBase(r.base)} -> working tree`];
  if (r.changes.length === 0) out.push("  no contract changes");
  const ruleWidth = Math.max(0, ...r.changes.map((c) => c.rule.length));
  for (const c of r.changes) {
    out.push(`  ${c.severity.padEnd(8)}  ${c.rule.padEnd(ruleWidth)}  ${c.path}:${c.line}  ${c.message}`);
    for (const line of c.impact ?? []) out.push(`      clients: ${line}`);
  }
  for (const i of r.ignored)
    out.push(`  ignored   ${i.change.rule} ${i.change.subject}: ${i.change.message} (reason: ${i.reason})`);
  for (const s of r.stale)
    out.push(`  stale ignore entry in ${s.file}: ${s.rule} ${JSON.stringify(s.subject)} matches no change: remove it`);
  const forced = r.check?.forcedBy ?? r.changes.find((c) => c.bump === r.bump);
  if (!r.check) {
    out.push(`required bump: ${r.bump}${forced ? ` (forced by ${forced.rule} on ${forced.subject})` : ""}`);
    return out.join("\n");
  }
  const k = r.check;
  out.push(
    `required bump: ${k.required}${forced ? ` (forced by ${forced.rule} on ${forced.subject})` : ""}; changesets ask for: ${k.requested}${k.applied.bump !== "none" ? `; version step applied: ${k.applied.bump} (${k.applied.from} -> ${k.applied.to})` : ""}`,
  );
  out.push(`${k.ok ? "ok" : "FAILED"}: ${k.reason}`);
  return out.join("\n");
}
