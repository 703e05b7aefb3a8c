import { codeBanner } from "../banner.js";
import type { CodeEntry, Contract } from "../contract.js";
import { docUrlFor } from "./anchor.js";

const str = (s: string): string => JSON.stringify(s);

/**
 * An object-literal key that defines an own property named `s`, whatever `s` is: bare where a
 * JS identifier allows, quoted otherwise (`"channel:invalid_key"`), and computed for
 * `__proto__`, the one name whose bare or quoted key sets the prototype instead.
 */
export const key = (s: string): string =>
  s === "__proto__" ? `[${str(s)}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? s : str(s);

/**
 * A literal wrapped so that it is frozen deeply, and dropped by a bundler when unused. A flat
 * literal (primitives only) needs only `Object.freeze`, so a browser bundle that takes just
 * the code lists (the client) carries no freeze helper.
 */
export const frozen = (literal: string, shape: "flat" | "nested"): string =>
  `/* @__PURE__ */ ${shape === "flat" ? "Object.freeze" : "deepFreeze"}(${literal})`;

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
    `docUrl: ${str(docUrlFor(contract.rules.referenceUrl, c.code))}`,
  ];
  return `  ${key(c.code)}: {\n${fields.map((f) => `    ${f},\n`).join("")}  },`;
}

/**
 * The runtime catalog that the types tool cannot produce: `ERROR_CODES`, `ERROR_TYPES`,
 * `ERROR_CATALOG` (with literal types), `ERROR_REFERENCE_URL` and `CONTRACT_VERSION`. Every
 * constant is frozen deeply: the contract's facts cannot be changed at run time.
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
import { deepFreeze } from "../freeze.js";
import type { ErrorCode, ErrorType } from "./types.js";

/** The contract's version; equals the version of every @org/error-* package. */
export const CONTRACT_VERSION = ${str(contract.version)};

/** Where the error reference is hosted; a code's entry is this URL + "#" + the code, verbatim. */
export const ERROR_REFERENCE_URL = ${str(contract.rules.referenceUrl)};

/** Every business code, in the order of the gateway's error reference. */
export const ERROR_CODES = ${frozen(
    `[
${codes}
] as const satisfies readonly ErrorCode[]`,
    "flat",
  )};

/**
 * The codes a client may retry automatically, in reference order. The same facts as
 * \`ERROR_CATALOG[code].retryable\`, kept apart so a browser bundle that only needs them
 * does not carry the catalog's texts.
 */
export const RETRYABLE_ERROR_CODES = ${frozen(
    `[
${retryable}
] as const satisfies readonly ErrorCode[]`,
    "flat",
  )};

/** Every \`type\` category, in schema order. */
export const ERROR_TYPES = ${frozen(
    `[
${types}
] as const satisfies readonly ErrorType[]`,
    "flat",
  )};

/**
 * Per-code metadata: canonical HTTP status and every status the code may be sent with
 * (canonical first), \`type\` category, the reference's meaning and advice (verbatim), whether
 * a client may retry automatically, and the code's entry in the reference. Literal types
 * throughout: \`ERROR_CATALOG["model_not_found"].status\` is the type \`404\`.
 */
export const ERROR_CATALOG = ${frozen(
    `{
${entries}
} as const satisfies { readonly [C in ErrorCode]: ErrorCatalogEntry }`,
    "nested",
  )};
`;
}
