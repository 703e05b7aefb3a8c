import { codeBanner } from "../banner.js";
import type { CodeEntry, Contract } from "../contract.js";

const str = (s: string): string => JSON.stringify(s);
/** Object keys: bare where a JS identifier allows, quoted otherwise (`"channel:invalid_key"`). */
const key = (s: string): string => (/^[A-Za-z_$][\w$]*$/.test(s) ? s : str(s));

/** A code's entry in the reference: the base URL and the code verbatim as the fragment. */
export const docUrl = (contract: Contract, code: string): string => `${contract.rules.referenceUrl}#${code}`;

/** Every status a code may be sent with, canonical first. */
export const allStatuses = (c: CodeEntry): number[] => [c.status, ...c.otherStatuses.map((o) => o.status)];

function entry(contract: Contract, c: CodeEntry): string {
  const fields = [
    `status: ${c.status}`,
    `statuses: [${allStatuses(c).join(", ")}]`,
    `type: ${str(c.type)}`,
    `meaning: ${str(c.meaning)}`,
    `action: ${str(c.action)}`,
    `retryable: ${c.retryable}`,
    `docUrl: ${str(docUrl(contract, c.code))}`,
  ];
  return `  ${key(c.code)}: {\n${fields.map((f) => `    ${f},\n`).join("")}  },`;
}

/**
 * The runtime catalog that the types tool cannot produce: `ERROR_CODES`, `ERROR_TYPES`,
 * `ERROR_CATALOG` (with literal types), `ERROR_REFERENCE_URL` and `CONTRACT_VERSION`.
 */
export function generateCatalog(contract: Contract): string {
  const codes = contract.codes.map((c) => `  ${str(c.code)},`).join("\n");
  const retryable = contract.codes
    .filter((c) => c.retryable)
    .map((c) => `  ${str(c.code)},`)
    .join("\n");
  const types = contract.types.map((t) => `  ${str(t.type)},`).join("\n");
  const entries = contract.codes.map((c) => entry(contract, c)).join("\n");
  return `${codeBanner()}
import type { ErrorCatalogEntry } from "../catalog-entry.js";
import type { ErrorCode, ErrorType } from "./types.js";

/** The contract's version; equals the version of every @org/error-* package. */
export const CONTRACT_VERSION = ${str(contract.version)};

/** Where the error reference is hosted; a code's entry is this URL + "#" + the code, verbatim. */
export const ERROR_REFERENCE_URL = ${str(contract.rules.referenceUrl)};

/** Every business code, in the order of the gateway's error reference. */
export const ERROR_CODES = [
${codes}
] as const satisfies readonly ErrorCode[];

/**
 * The codes a client may retry automatically, in reference order. The same facts as
 * \`ERROR_CATALOG[code].retryable\`, kept apart so a browser bundle that only needs them
 * does not carry the catalog's texts.
 */
export const RETRYABLE_ERROR_CODES = [
${retryable}
] as const satisfies readonly ErrorCode[];

/** Every \`type\` category, in schema order. */
export const ERROR_TYPES = [
${types}
] as const satisfies readonly ErrorType[];

/**
 * Per-code metadata: canonical HTTP status and every status the code may be sent with
 * (canonical first), \`type\` category, the reference's meaning and advice (verbatim), whether
 * a client may retry automatically, and the code's entry in the reference. Literal types
 * throughout: \`ERROR_CATALOG["model_not_found"].status\` is the type \`404\`.
 */
export const ERROR_CATALOG = {
${entries}
} as const satisfies { readonly [C in ErrorCode]: ErrorCatalogEntry };
${statusRules(contract)}`;
}

/** `case 401: case 403:` for a list of statuses. */
const cases = (statuses: readonly number[]): string => statuses.map((s) => `case ${s}:`).join(" ");

/**
 * The status rules (type and retry) as two small functions, for browser bundles: the same
 * answers as `errorTypeForHttpStatus` and `isRetryableHttpStatus`, without the status table's
 * rows. Only the table's statuses whose type differs from their class's are listed.
 */
function statusRules(contract: Contract): string {
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
  const retryClasses = rules.statusClasses
    .filter((c) => c.retryable)
    .map((c) => `(status >= ${c.from} && status <= ${c.to})`);
  return `
/**
 * @internal \`errorTypeForHttpStatus\` as small code (no status table), for browser bundles.
 * Same answer for every number.
 */
export function statusErrorType(status: number): ErrorType {
  if (!Number.isInteger(status)) return ${str(rules.otherStatusType)};
  switch (status) {
${typeCases}
  }
${typeClasses}
  return ${str(rules.otherStatusType)};
}

/**
 * @internal \`isRetryableHttpStatus\` as small code, for browser bundles. Same answer for every number.
 */
export function isRetryableStatus(status: number): boolean {
  switch (status) {
    ${cases(rules.retryableStatuses)} return true;
    ${cases(rules.nonRetryableStatuses)} return false;
  }
  return ${retryClasses.length === 0 ? "false" : `Number.isInteger(status) && (${retryClasses.join(" || ")})`};
}
`;
}
