/** A measured number and its unit. Every figure in results.json has this shape. */
export interface Figure {
  value: number;
  unit: string;
  /** For a ratio over rounds: the smallest and largest per-round ratio (`value` is their median). */
  range?: [number, number];
}

/** A table cell: a figure, a label, or nothing measured. */
export type Cell = Figure | string | null;

/** A peer that could not run, and why (printed as `skipped: <reason>`). */
export interface Skipped {
  peer: string;
  reason: string;
}

/** One part of the bench: how it was measured, one row per peer, and what could not run. */
export interface Section {
  id: string;
  title: string;
  method: string;
  rows: Record<string, Cell>[];
  skipped: Skipped[];
  notes: string[];
  /** The section's headline figures, by key (the targets are judged on these). */
  figures: Record<string, Figure>;
}

export const figure = (value: number, unit: string): Figure => ({ value, unit });

/** A ratio measured once per round: the median over rounds, with the range of the rounds. */
export function ratioFigure(ratios: readonly number[]): Figure {
  const sorted = [...ratios].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { value: median, unit: "x", range: [sorted[0] as number, sorted[sorted.length - 1] as number] };
}
export const isFigure = (cell: Cell | undefined): cell is Figure => typeof cell === "object" && cell !== null;

/** A section that could not run at all, with the reason. */
export function skippedSection(id: string, title: string, method: string, reason: string): Section {
  return { id, title, method, rows: [], skipped: [{ peer: "(all)", reason }], notes: [], figures: {} };
}

/** Formats a figure for the terminal (results.json keeps the raw number). */
export function formatFigure(f: Figure): string {
  switch (f.unit) {
    case "x":
      return f.range
        ? `${f.value.toFixed(2)}x (${f.range[0].toFixed(2)}-${f.range[1].toFixed(2)})`
        : `${f.value.toFixed(2)}x`;
    case "%":
      return `±${f.value.toFixed(1)}%`;
    case "ms":
      return `${f.value.toFixed(f.value < 10 ? 2 : 1)} ms`;
    case "µs":
      return `${f.value.toFixed(1)} µs`;
    case "B":
      return `${Math.round(f.value).toLocaleString("en-US")} B`;
    case "ops/s":
    case "req/s":
      return `${Math.round(f.value).toLocaleString("en-US")} ${f.unit}`;
    default:
      return `${f.value} ${f.unit}`;
  }
}

const cellText = (c: Cell | undefined): string =>
  c === undefined || c === null ? "-" : typeof c === "string" ? c : formatFigure(c);

/** A plain-text table of a section (columns in first-seen order), then its skips and notes. */
export function renderSection(section: Section): string {
  const columns: string[] = [];
  for (const row of section.rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const body = section.rows.map((row) => columns.map((c) => cellText(row[c])));
  const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => (r[i] as string).length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join("  ");
  const out = [`\n## ${section.title}`, section.method];
  if (columns.length > 0) out.push("", line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line));
  for (const s of section.skipped) out.push(`skipped: ${s.peer}: ${s.reason}`);
  for (const n of section.notes) out.push(`note: ${n}`);
  return out.join("\n");
}
