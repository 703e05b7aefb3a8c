import type { Contract } from "../contract.js";

const str = (s: string): string => JSON.stringify(s);

/** `case 401: case 403:` for a list of statuses. */
const cases = (statuses: readonly number[]): string => statuses.map((s) => `case ${s}:`).join(" ");

/**
 * The status rules (type and retry) as two small functions: `errorTypeForHttpStatus` and
 * `isRetryableHttpStatus`. Code, not a lookup in the status table, so a browser bundle that
 * needs only the rules carries no table rows, and no constant a caller could change is read.
 * Only the table's statuses whose type differs from their class's are listed.
 */
export function statusRules(contract: Contract): string {
  const { statuses, rules } = contract;
  const classOf = (status: number) => rules.statusClasses.find((c) => status >= c.from && status <= c.to);
  const byType = new Map<string, number[]>();
  for (const s of statuses) {
    if (classOf(s.status)?.type === s.type) continue;
    byType.set(s.type, [...(byType.get(s.type) ?? []), s.status]);
  }
  const typeCases = [...byType].map(([type, list]) => `    ${cases(list)} return ${str(type)};`).join("\n");
  const typeClasses = rules.statusClasses
    .map((c) => `  if (status >= ${c.from} && status <= ${c.to}) return ${str(c.type)};`)
    .join("\n");
  // A `case` line only for a non-empty list (a bare `return` in a switch body is a syntax
  // error), and no switch at all without one.
  const retryCases = [
    [rules.retryableStatuses, "true"],
    [rules.nonRetryableStatuses, "false"],
  ] as const;
  const retryLines = retryCases
    .filter(([list]) => list.length > 0)
    .map(([list, answer]) => `    ${cases(list)} return ${answer};`)
    .join("\n");
  const retryClasses = rules.statusClasses
    .filter((c) => c.retryable)
    .map((c) => `(status >= ${c.from} && status <= ${c.to})`);
  return `
/**
 * The \`type\` of an error with no business code, by HTTP status: the table's type for a
 * status of the contract, else the schema's class rule (other 4xx, other 5xx), else its
 * fallback type (also for non-integers).
 */
export function errorTypeForHttpStatus(status: number): ErrorType {
  if (!Number.isInteger(status)) return ${str(rules.otherStatusType)};
  switch (status) {
${typeCases}
  }
${typeClasses}
  return ${str(rules.otherStatusType)};
}

/**
 * Whether a client may retry a response by its status alone (when the catalog and
 * \`x-should-retry\` say nothing): the schema's retry rule, never for non-integers.
 */
export function isRetryableHttpStatus(status: number): boolean {
${retryLines === "" ? "" : `  switch (status) {\n${retryLines}\n  }\n`}  return ${retryClasses.length === 0 ? "false" : `Number.isInteger(status) && (${retryClasses.join(" || ")})`};
}
`;
}
