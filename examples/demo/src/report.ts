/**
 * The demo's report as text lines: one line per route (status, code, retries, time waited,
 * outcome), then the request id and reference entry (contract 1.1) of every failed call.
 */
import type { Outcome } from "./client.js";

const pad = (value: unknown, width: number): string => String(value).padEnd(width);
const WIDTHS = { path: 27, status: 7, code: 32, retries: 8, waited: 8, requestId: 11 };

/** The lines `pnpm demo` prints for `rows` (the README shows them). */
export function reportLines(rows: readonly Outcome[]): string[] {
  const w = WIDTHS;
  const lines = [
    `${pad("route", w.path)}${pad("status", w.status)}${pad("code", w.code)}${pad("retries", w.retries)}${pad("waited", w.waited)}outcome`,
  ];
  for (const r of rows) {
    lines.push(
      `${pad(r.path, w.path)}${pad(r.status ?? "-", w.status)}${pad(r.code ?? "null", w.code)}${pad(r.retries, w.retries)}${pad(`${r.waitedMs}ms`, w.waited)}${r.result}`,
    );
  }
  // Contract 1.1: every error names its request (quote it to support) and its reference entry.
  lines.push("", "request id and reference entry of each failed call:");
  for (const r of rows)
    if (r.requestId !== null)
      lines.push(`${pad(r.path, w.path)}${pad(r.requestId, w.requestId)}${r.docUrl ?? "(no code, no entry)"}`);
  return lines;
}
