/**
 * The README's redaction rule tables, rendered from the data (redact-rules.data.ts and the
 * order of SECRET_RULES), so the README cannot drift from what is masked: a test compares.
 */
import { SECRET_RULES } from "../../src/core/redact-rules.js";
import {
  GITLEAKS_COVERED,
  GITLEAKS_KEYWORD_CONTEXT,
  GITLEAKS_NOT_COVERED,
  GITLEAKS_PARTIAL,
  GITLEAKS_SOURCE,
  OWN_RULES,
} from "../../src/core/redact-rules.data.js";

/** Where the tables sit in the README. */
export const TABLE_BEGIN = "<!-- redaction-rules:begin (rendered from src/core/redact-rules.data.ts) -->";
export const TABLE_END = "<!-- redaction-rules:end -->";

const code = (id: string): string => `\`${id}\``;

/** The tables, between their markers. */
export function renderRedactionTables(): string {
  const byPattern = new Map<string, string[]>();
  for (const [gitleaksId, ours] of Object.entries(GITLEAKS_COVERED))
    byPattern.set(ours, [...(byPattern.get(ours) ?? []), gitleaksId]);
  const patternRows = SECRET_RULES.map(([id]) => {
    const covered = (byPattern.get(id) ?? []).sort();
    const cell =
      covered.length > 0
        ? covered.map((g) => (g in GITLEAKS_PARTIAL ? `${code(g)} (${GITLEAKS_PARTIAL[g] ?? ""})` : code(g))).join(", ")
        : `ours: ${OWN_RULES[id] ?? ""}`;
    return `| ${code(id)} | ${cell} |`;
  });
  const uncoveredRows = [
    `| keyword context (${GITLEAKS_KEYWORD_CONTEXT.length} rules): ${[...GITLEAKS_KEYWORD_CONTEXT].sort().map(code).join(", ")} | gitleaks reports these only next to the product's name and above an entropy threshold; the value has no format of its own (any hex or alphanumeric string: a request id, a hash). Masked when its key names a secret (\`ADAFRUIT_API_KEY=...\`, \`"discordToken": "..."\`) by \`generic-api-key\`; not when the product's name alone labels it. |`,
    ...Object.entries(GITLEAKS_NOT_COVERED)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, why]) => `| ${code(id)} | not covered: ${why} |`),
  ];
  const covered = Object.keys(GITLEAKS_COVERED).length;
  const total = covered + GITLEAKS_KEYWORD_CONTEXT.length + Object.keys(GITLEAKS_NOT_COVERED).length;
  return [
    TABLE_BEGIN,
    "",
    `gitleaks' default rule set: \`${GITLEAKS_SOURCE.path}\` of ${GITLEAKS_SOURCE.repository} at ${GITLEAKS_SOURCE.version} (commit ${GITLEAKS_SOURCE.commit.slice(0, 12)}), ${total} rules: ${covered} covered by a pattern, ${GITLEAKS_KEYWORD_CONTEXT.length} by key context only, ${Object.keys(GITLEAKS_NOT_COVERED).length} not covered.`,
    "",
    "| Pattern (tried in this order) | gitleaks rules it covers |",
    "| --- | --- |",
    ...patternRows,
    "",
    "| gitleaks rules without a pattern of their own | Why |",
    "| --- | --- |",
    ...uncoveredRows,
    "",
    TABLE_END,
  ].join("\n");
}
