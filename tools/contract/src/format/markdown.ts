import { markdownCode as code, markdownText as cell } from "./escape.js";
import { describeBase, type Report } from "./report.js";

const ICON = { breaking: "🔴 breaking", warning: "🟡 warning", info: "🔵 info" } as const;

/**
 * A PR summary: the verdict, then one table row per change with its client impact. Data is
 * escaped text or inline code (see escape.ts): no HTML, links or broken cells come from it;
 * the only link is the tool's own to the changed line.
 */
export function formatMarkdown(r: Report): string {
  const out = [
    `### Contract ${r.command}: ${r.bump === "none" ? "no contract change" : `needs a **${r.bump}** release`}`,
    "",
    `Base: ${code(describeBase(r.base))}`,
  ];
  if (r.check) out.push("", `${r.check.ok ? "✅" : "❌"} ${cell(r.check.reason)}`);
  if (r.changes.length > 0) {
    out.push("", "| severity | rule | subject | change | clients |", "|---|---|---|---|---|");
    for (const c of r.changes)
      out.push(
        `| ${ICON[c.severity]} | ${code(c.rule)} | ${code(c.subject)} | ${cell(c.message)} ([${c.path}:${c.line}](${c.path}#L${c.line})) | ${(c.impact ?? []).map((l) => cell(l)).join(" · ")} |`,
      );
  }
  if (r.ignored.length > 0) {
    out.push("", "Ignored (reviewed):", "");
    for (const i of r.ignored)
      out.push(
        `- ${code(i.change.rule)} ${code(i.change.subject)}: ${cell(i.change.message)}, because ${cell(i.reason)}`,
      );
  }
  if (r.stale.length > 0) {
    out.push("", `Stale entries in ${code(r.stale[0]?.file ?? "")} (match nothing, remove them):`, "");
    for (const s of r.stale) out.push(`- ${code(s.rule)} ${code(s.subject)}`);
  }
  return out.join("\n");
}
