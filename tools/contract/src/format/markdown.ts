import { describeBase, type Report } from "./report.js";

const cell = (s: string) => s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
const ICON = { breaking: "🔴 breaking", warning: "🟡 warning", info: "🔵 info" } as const;

/** A PR summary: the verdict, then one table row per change with its client impact. */
export function formatMarkdown(r: Report): string {
  const out = [
    `### Contract ${r.command}: ${r.bump === "none" ? "no contract change" : `needs a **${r.bump}** release`}`,
    "",
    `Base: \`${describeBase(r.base)}\``,
  ];
  if (r.check) out.push("", `${r.check.ok ? "✅" : "❌"} ${cell(r.check.reason)}`);
  if (r.changes.length > 0) {
    out.push("", "| severity | rule | subject | change | clients |", "|---|---|---|---|---|");
    for (const c of r.changes)
      out.push(
        `| ${ICON[c.severity]} | \`${c.rule}\` | \`${cell(c.subject)}\` | ${cell(c.message)} ([${c.path}:${c.line}](${c.path}#L${c.line})) | ${cell((c.impact ?? []).join("\n"))} |`,
      );
  }
  if (r.ignored.length > 0) {
    out.push("", "Ignored (reviewed):", "");
    for (const i of r.ignored)
      out.push(
        `- \`${i.change.rule}\` \`${cell(i.change.subject)}\`: ${cell(i.change.message)}, because ${cell(i.reason)}`,
      );
  }
  if (r.stale.length > 0) {
    out.push("", `Stale entries in \`${r.stale[0]?.file}\` (match nothing, remove them):`, "");
    for (const s of r.stale) out.push(`- \`${s.rule}\` \`${cell(s.subject)}\``);
  }
  return out.join("\n");
}
