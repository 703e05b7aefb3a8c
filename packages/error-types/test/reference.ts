import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Rows of the first Markdown table after `heading` in a fixture file, cells trimmed. */
export function tableAfter(file: string, heading: string): string[][] {
  const text = readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)), "utf8");
  const start = heading ? text.indexOf(heading) : 0;
  if (start < 0) throw new Error(`fixture ${file} has no "${heading}"`);
  const lines = text.slice(start).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const rows: string[][] = [];
  for (const line of lines.slice(first)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .slice(1, -1)
        .split(" | ")
        .map((c) => c.trim()),
    );
  }
  // Drop the header and the |---| separator.
  return rows.slice(2);
}

/** The reference's business code table: code, meaning, what to do. */
export const referenceCodes = (): Array<{ code: string; meaning: string; action: string }> =>
  tableAfter("error-reference.md", "## Business error codes").map(([code, meaning, action]) => ({
    code: code as string,
    meaning: meaning as string,
    action: action as string,
  }));

/** The design's status/retryable table, expanded to one row per code. */
export const designStatuses = (): Map<string, { status: number; retryable: boolean }> => {
  const out = new Map<string, { status: number; retryable: boolean }>();
  for (const [codes, status, retryable] of tableAfter("design-status-table.md", "")) {
    for (const code of (codes as string).split(","))
      out.set(code.trim(), { status: Number(status), retryable: retryable === "yes" });
  }
  return out;
};
