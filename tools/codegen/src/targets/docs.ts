import { markdownBanner } from "../banner.js";
import type { Contract } from "../contract.js";

/** Markdown table cells may not contain a bare pipe. */
const cell = (s: string): string => s.replace(/\|/g, "\\|");

/**
 * docs/errors.md: the gateway's error reference regenerated from the schema. The reference's
 * tables keep their columns first and in order (so every reference row is found verbatim at
 * the start of a row here); status, type and retryable columns follow.
 */
export function generateDocs(contract: Contract): string {
  const statusRows = contract.statuses.map((s) => `| ${cell(s.status)} | ${cell(s.meaning)} | ${cell(s.cause)} |`).join("\n");
  const codeRows = contract.codes
    .map((c) => `| ${c.code} | ${cell(c.meaning)} | ${cell(c.action)} | ${c.status} | ${c.type} | ${c.retryable ? "yes" : "no"} |`)
    .join("\n");
  const typeRows = contract.types.map((t) => `| ${t.type} | ${cell(t.description)} |`).join("\n");
  const prefixed = contract.codes.filter((c) => c.code.includes(":")).length;
  return `${markdownBanner()}
# Gateway error reference

Contract version ${contract.version}. This page is generated from \`schemas/\`, the source of truth.

## Envelope

Error responses are JSON, shaped like:

\`\`\`json
{ "error": { "message": "...", "type": "...", "code": "invalid_request" } }
\`\`\`

| field | type | required | meaning |
|---|---|---|---|
| \`error.message\` | string (at most 65,536 UTF-16 code units) | yes | A human-readable message. |
| \`error.type\` | one of the categories below | yes | What kind of error this is. |
| \`error.code\` | a business code below, or \`null\` | yes | \`null\` for errors that have no business code (401, 429, unknown route, unexpected 500). |
| \`error.param\` | string or \`null\` | no | The request parameter the error is about. |

Producers validate in **strict** mode (exactly this shape, known codes only, no other
members). Consumers validate in **lenient** mode: unknown string codes, numeric codes, \`""\`,
\`null\`, a missing \`param\` or \`type\`, and extra members are accepted.

## HTTP status codes

| Status | Meaning | Common cause |
|---|---|---|
${statusRows}

## Business error codes

Possible values of the \`error.code\` field. **Retryable** says whether a client may retry
automatically; servers send it as the \`x-should-retry\` header.

| code | Meaning | What to do | Status | Type | Retryable |
|---|---|---|---|---|---|
${codeRows}

(${contract.codes.length} codes. Note the \`channel:\` prefix on ${prefixed} of them: the colon is part of the code string.)

## Error types

| type | meaning |
|---|---|
${typeRows}
`;
}
