import { SCHEMA_FILES } from "@org/contract-model";
import { markdownBanner } from "../banner.js";
import type { Contract, JsonObject } from "../contract.js";
import { allStatuses } from "./catalog.js";
import { dialectsMarkdown } from "./dialect-sections.js";
import { fieldRows } from "./envelope-fields.js";
import { mdCode, mdRich, mdText } from "./markdown.js";

/** A table row of cells already written as Markdown (each escaped by what it holds). */
const row = (cells: readonly (string | number)[]): string => `| ${cells.join(" | ")} |`;
/** A code in a table cell, as a code span. */
const codeCell = (code: string): string => mdCode(code, true);
const count = (n: number): string => n.toLocaleString("en-US");
const listed = (xs: readonly (string | number)[]): string =>
  xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`;

function retryRule(contract: Contract): string {
  const { statusClasses, retryableStatuses, nonRetryableStatuses } = contract.rules;
  const classes = statusClasses.filter((c) => c.retryable).map((c) => `every ${c.from}-${c.to}`);
  const except = nonRetryableStatuses.length ? ` except ${listed(nonRetryableStatuses)}` : "";
  return `${listed([...retryableStatuses, ...classes])}${except}`;
}

function statusTable(contract: Contract): string {
  return contract.statuses
    .map((s) => {
      const codes = contract.codes.filter((c) => allStatuses(c).includes(s.status)).map((c) => codeCell(c.code));
      if (s.codeless) codes.push("`null`");
      return row([
        s.status,
        mdRich(s.meaning, true),
        mdRich(s.cause, true),
        mdText(s.reason),
        mdText(s.type),
        codes.length > 0 ? codes.join(", ") : "-",
        s.retryAfter ? "yes" : "no",
      ]);
    })
    .join("\n");
}

function otherStatuses(contract: Contract): string {
  const multi = contract.codes.filter((c) => c.otherStatuses.length > 0);
  if (multi.length === 0) return "";
  const items = multi.map(
    (c) =>
      `- ${mdCode(c.code, false)}: ${c.status} by default; ${c.otherStatuses.map((o) => `${o.status} when ${mdRich(`${o.when.charAt(0).toLowerCase()}${o.when.slice(1)}`, false)}`).join("; ")}.`,
  );
  return `\nCodes sent with more than one status:\n\n${items.join("\n")}\n`;
}

/**
 * docs/errors.md: the gateway's error reference regenerated from the schema. The reference's
 * tables keep their columns first and in order (so every reference row of the code table is
 * found verbatim at the start of a row here); the contract's columns follow.
 */
export function generateDocs(contract: Contract): string {
  const body = (contract.schemas.envelope["$defs"] as JsonObject)["ErrorBody"] as JsonObject;
  const { code, type } = contract.schemas;
  // The field rows hold the schema's `inline code` (as the page reads them): rich text.
  const fields = fieldRows("error.", body, { [SCHEMA_FILES.code]: code, [SCHEMA_FILES.type]: type })
    .map((cells) => row(cells.map((c) => mdRich(c, true))))
    .join("\n");
  // A code's meaning and advice are plain text, backticks included, as on the page.
  const codeRows = contract.codes
    .map((c) =>
      row([
        mdText(c.code),
        mdText(c.meaning),
        mdText(c.action),
        allStatuses(c).join(", "),
        mdText(c.type),
        c.retryable ? "yes" : "no",
      ]),
    )
    .join("\n");
  const typeRows = contract.types.map((t) => row([mdText(t.type), mdRich(t.description, true)])).join("\n");
  const prefixed = contract.codes.filter((c) => c.code.includes(":"));
  const prefixes = [...new Set(prefixed.map((c) => mdCode(c.code.slice(0, c.code.indexOf(":") + 1), false)))];
  const note = prefixed.length
    ? ` Note the ${listed(prefixes)} prefix on ${prefixed.length} of them: the colon is part of the code string.`
    : "";
  const retryAfter = contract.statuses.filter((s) => s.retryAfter).map((s) => s.status);
  return `${markdownBanner()}
# Gateway error reference

Contract version ${mdText(contract.version)}. This page is generated from \`schemas/\`, the source of truth.
It is hosted at ${mdText(contract.rules.referenceUrl)}; each code's entry is that address + \`#\` + the code.

## Envelope

Error responses are JSON, shaped like:

\`\`\`json
{ "error": { "message": "...", "type": "...", "code": "invalid_request" } }
\`\`\`

| field | type | required | meaning |
|---|---|---|---|
${fields}

Services cut \`error.message\` to at most ${count(contract.rules.maxMessageLength)} Unicode code points (a surrogate pair is never split).
Producers validate in **strict** mode (exactly this shape, known codes only, no other
members). Consumers validate in **lenient** mode: unknown string codes, numeric codes, \`""\`,
\`null\`, a missing \`param\` or \`type\`, and extra members are accepted.

## HTTP status codes

Every status the contract uses. **Codes** lists the business codes a response with the status
may carry (\`null\`: it may carry none); **Retry-After** says whether it may carry that header.

| Status | Meaning | Common cause | Reason | Type | Codes | Retry-After |
|---|---|---|---|---|---|---|
${statusTable(contract)}

Retrying: a response with a business code is retried only when the code is **Retryable**
below (servers send it as the \`x-should-retry\` header). Otherwise a client retries
${retryRule(contract)}, and never any other status. Only ${listed(retryAfter)} may carry \`Retry-After\`.

## Business error codes

Possible values of the \`error.code\` field. **Status** lists every status a code may be sent
with, the canonical one first. **Retryable** says whether a client may retry automatically;
servers send it as the \`x-should-retry\` header.

| code | Meaning | What to do | Status | Type | Retryable |
|---|---|---|---|---|---|
${codeRows}

(${contract.codes.length} codes.${note})
${otherStatuses(contract)}
## Error types

| type | meaning |
|---|---|
${typeRows}

${dialectsMarkdown(contract)}`;
}
