import { jsonText } from "./escape.js";
import { formatGithub } from "./github.js";
import { formatJunit } from "./junit.js";
import { formatMarkdown } from "./markdown.js";
import type { Report } from "./report.js";
import { formatText } from "./text.js";

export { buildReport, describeBase, type Report, type ReportedChange } from "./report.js";

/** Every output format of the CLI. */
export const FORMATS = ["text", "json", "github", "markdown", "junit"] as const;
/** One output format. */
export type Format = (typeof FORMATS)[number];

/** Type guard for a format name given with `--format`. */
export const isFormat = (v: string): v is Format => (FORMATS as readonly string[]).includes(v);

/** Renders a report in a format. */
export function render(report: Report, format: Format): string {
  switch (format) {
    case "json":
      return jsonText(report);
    case "github":
      return formatGithub(report);
    case "markdown":
      return formatMarkdown(report);
    case "junit":
      return formatJunit(report);
    default:
      return formatText(report);
  }
}
