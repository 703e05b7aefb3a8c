/**
 * docs/compatibility.md from the matrix's results: a summary table (one line per SDK on a
 * surface), then per row where each fact is found, the error classes, the deviations and
 * notes. Only counts and names: no timings, ports or ids, so a run renders the same text.
 */
import { CASES, MODES } from "./cases.js";
import type { RowResult } from "./matrix.js";
import { installed } from "./rows.js";
import type { Surface } from "./service/surfaces.js";
import { CASES_PER_MODE, type RowSummary, summarize } from "./summary.js";

/** The command that writes the file, named in its banner. */
export const GENERATE_COMMAND = "pnpm --filter @org/sdk-e2e run write-table";

const SURFACE_LABELS: Readonly<Record<Surface, string>> = {
  openai: "OpenAI `/v1/chat/completions`",
  anthropic: "Anthropic `/v1/messages`",
  gemini: "Gemini `/v1beta/models/*:generateContent`",
};

const sdkOf = (row: RowResult): string => row.spec.packages.map(installed).join(" + ");
const integrationOf = (row: RowResult): string =>
  row.spec.integration === "n/a" ? "n/a" : row.spec.integration === "with" ? "with" : "without";
const pair = (plain: number, stream: number): string => `${plain}/${CASES_PER_MODE} · ${stream}/${CASES_PER_MODE}`;
const places = (plain: string, stream: string): string =>
  plain === stream ? `\`${plain}\`` : `\`${plain}\` · \`${stream}\``;

function classCell(summary: RowSummary): string {
  const names = (mode: "plain" | "stream"): string => {
    const list = summary.classes[mode].map(([name]) => `\`${name}\``);
    return list.length > 2 ? `${list.slice(0, 2).join(", ")} +${list.length - 2}` : list.join(", ");
  };
  return `${names("plain")} · ${names("stream")}`;
}

function summaryLine(row: RowResult): string {
  const head = `| ${sdkOf(row)} | ${SURFACE_LABELS[row.spec.surface]} | ${integrationOf(row)} |`;
  const limits = (row.spec.limits ?? []).map((l) => `${l.mode} ${l.check}`);
  const verdict =
    row.verdict === "asserted"
      ? `asserted${limits.length === 0 ? "" : `, except ${limits.join(", ")} (a known limit, see the row)`}`
      : `${row.verdict}: ${row.reason ?? ""}`;
  if (row.verdict === "not run") return `${head} - | - | - | - | - | ${verdict} |`;
  const s = summarize(row);
  const { plain, stream } = s.ok;
  const code = `${pair(plain.code, stream.code)} at ${places(s.places.plain.code, s.places.stream.code)}`;
  const id = `${pair(plain.requestId, stream.requestId)} at ${places(s.places.plain.requestId, s.places.stream.requestId)}`;
  return `${head} ${code} | ${id} | ${pair(plain.requests, stream.requests)} | ${plain.status}/${CASES_PER_MODE} | ${classCell(s)} | ${verdict} |`;
}

const CODED = CASES.filter((c) => c.code !== null).map((c) => c.id);
const quoted = (ids: readonly string[]): string => ids.map((id) => `\`${id}\``).join(", ");

/** The cases of a deviation, shortest: all of them, every code, all but a few, or the list. */
function caseList(cases: readonly string[]): string {
  if (cases.length === CASES_PER_MODE) return `all ${CASES_PER_MODE} cases`;
  if (cases.length === CODED.length && CODED.every((id) => cases.includes(id))) return `all ${CODED.length} codes`;
  const others = CASES.map((c) => c.id).filter((id) => !cases.includes(id));
  return others.length <= 4 && cases.length > others.length ? `all but ${quoted(others)}` : quoted(cases);
}

function rowSection(row: RowResult): string[] {
  const title = `### ${sdkOf(row)} on ${SURFACE_LABELS[row.spec.surface].split(" ")[0] ?? ""}${row.spec.integration === "n/a" ? "" : `, ${row.spec.integration} the integration`}`;
  const lines = [title, ""];
  if (row.verdict === "not run") return [...lines, `Not run: ${row.reason ?? ""}.`, ""];
  const s = summarize(row);
  lines.push(
    `- ${row.verdict === "asserted" ? "Asserted by the test." : `Recorded, not asserted: ${row.reason ?? ""}.`}`,
  );
  for (const mode of MODES) {
    const where = s.places[mode];
    const classes = s.classes[mode].map(([name, n]) => `\`${name}\` ${n}`).join(", ");
    lines.push(`- ${mode}: code at \`${where.code}\`, request id at \`${where.requestId}\`; classes: ${classes}.`);
  }
  const { catalog, none, other } = s.streamStatus;
  lines.push(
    `- A stream error's status (its 200 says nothing): the catalog's ${catalog}, none ${none}, another (guessed) ${other}.`,
  );
  const { plain: flagPlain, stream: flagStream } = s.retryFlag;
  if (flagPlain !== null || flagStream !== null)
    lines.push(
      `- The SDK's own retry flag (\`isRetryable\`) agrees with the catalog: ${[flagPlain, flagStream].map((n, i) => `${MODES[i] ?? ""} ${n === null ? "not set" : `${n}/${CASES_PER_MODE}`}`).join(", ")}.`,
    );
  if (s.deviations.length === 0) lines.push("- Deviations: none.");
  else {
    lines.push("- Deviations:");
    for (const { mode, deviation, cases } of s.deviations)
      lines.push(`  - ${mode}, ${deviation.check}: ${deviation.detail}: ${caseList(cases)}.`);
  }
  for (const limit of row.spec.limits ?? [])
    lines.push(`- Known limit (${limit.mode} ${limit.check}): ${limit.reason}.`);
  for (const note of row.spec.notes) lines.push(`- ${note}`);
  return [...lines, ""];
}

/** The whole file for `rows` (ends with one newline). */
export function renderCompatibility(rows: readonly RowResult[]): string {
  const codes = CASES.filter((c) => c.code !== null).length;
  return [
    `<!-- Generated by \`${GENERATE_COMMAND}\` from the matrix run in tools/sdk-e2e. Do not edit: the package's test fails when this file differs from what its run produces. -->`,
    "",
    "# SDK compatibility",
    "",
    `What each SDK surfaces when a service built with \`@org/error-server\` answers a contract error: every catalog code at its status (${codes}) and codeless 401, 429 and 500, ${CASES.length} cases, each as the response (plain) and as an error event after the first content of a stream, every SDK on its own surface, at its default retry settings. Measured by \`tools/sdk-e2e\` in \`pnpm test\` (see its README).`,
    "",
    "Each count is `plain · stream`, out of the cases of that mode. A case counts when the SDK surfaces the contract's value where a user of that SDK reads it (the place named in the cell; two places: plain · stream): the code (`null` for the codeless statuses), the request id of the last request, the status (plain answers), and as many requests as the catalog allows (a retryable plain answer: 1 + the SDK's default retries; everything else: 1). \"Checked\" says whether the test asserts the row, only records it, or could not run it, and why.",
    "",
    "| SDK | Surface | `@org/error-client/ai-sdk` | Code | Request id | Requests | Status (plain) | Error class | Checked |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map(summaryLine),
    "",
    "## Rows",
    "",
    ...rows.flatMap(rowSection),
  ].join("\n");
}
