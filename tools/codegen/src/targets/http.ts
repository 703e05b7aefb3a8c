import { codeBanner } from "../banner.js";
import type { Contract } from "../contract.js";
import { frozen } from "./catalog.js";
import { statusRules } from "./status-rules.js";

const str = (s: string): string => JSON.stringify(s);
const list = (xs: readonly number[]): string => `[${xs.join(", ")}]`;

/**
 * The contract-wide HTTP facts: the status table, the statuses that may carry Retry-After,
 * the message caps, and the type and retry rules for statuses outside the table (as data and
 * as two small functions). Small constants are separate from the table with texts so a bundle
 * that needs only a rule does not carry the texts. Every constant is frozen deeply.
 */
export function generateHttp(contract: Contract): string {
  const { statuses, rules } = contract;
  const rows = statuses
    .map((s) =>
      [
        `  ${s.status}: {`,
        `    reason: ${str(s.reason)},`,
        `    type: ${str(s.type)},`,
        `    retryAfter: ${s.retryAfter},`,
        `    codeless: ${s.codeless},`,
        `    meaning: ${str(s.meaning)},`,
        `    cause: ${str(s.cause)},`,
        "  },",
      ].join("\n"),
    )
    .join("\n");
  const types = statuses.map((s) => `  ${s.status}: ${str(s.type)},`).join("\n");
  const classes = rules.statusClasses
    .map((c) => `  { from: ${c.from}, to: ${c.to}, type: ${str(c.type)}, retryable: ${c.retryable} },`)
    .join("\n");
  return `${codeBanner()}
import type { HttpStatusEntry } from "../catalog-entry.js";
import { deepFreeze } from "../freeze.js";
import type { ErrorType } from "./types.js";

/** Every HTTP status the contract uses, ascending. */
export const HTTP_ERROR_STATUSES = ${frozen(`${list(statuses.map((s) => s.status))} as const`, "flat")};

/** One of the HTTP statuses the contract uses. */
export type HttpErrorStatus = (typeof HTTP_ERROR_STATUSES)[number];

/** The statuses whose responses may carry \`Retry-After\`. */
export const RETRY_AFTER_STATUSES = ${frozen(`${list(statuses.filter((s) => s.retryAfter).map((s) => s.status))} as const satisfies readonly HttpErrorStatus[]`, "flat")};

/** The message cap services apply to \`error.message\`, in Unicode code points (JSON Schema's unit). */
export const MAX_MESSAGE_LENGTH = ${rules.maxMessageLength};

/** The schema's \`maxLength\` of \`error.message\` (what a validator accepts), in Unicode code points (JSON Schema's unit). */
export const MAX_MESSAGE_SCHEMA_LENGTH = ${rules.maxMessageSchemaLength};

/**
 * Every status of the contract with its reason phrase, the \`type\` of a response with no
 * business code, whether it may carry \`Retry-After\`, whether \`code: null\` may be sent with
 * it, and the reference's meaning and common cause.
 */
export const HTTP_STATUSES = ${frozen(
    `{
${rows}
} as const satisfies { readonly [S in HttpErrorStatus]: HttpStatusEntry }`,
    "nested",
  )};

/** @internal The \`type\` of each status of the table, without the texts. */
export const STATUS_TYPES = ${frozen(
    `{
${types}
} as const satisfies { readonly [S in HttpErrorStatus]: ErrorType }`,
    "flat",
  )};

/** @internal Ranges of statuses outside the table: their \`type\` and whether a client retries them. */
export const STATUS_CLASSES = ${frozen(
    `[
${classes}
] as const satisfies ReadonlyArray<{ readonly from: number; readonly to: number; readonly type: ErrorType; readonly retryable: boolean }>`,
    "nested",
  )};

/** @internal The \`type\` of a status outside the table and every class. */
export const OTHER_STATUS_TYPE = ${str(rules.otherStatusType)} satisfies ErrorType;

/** @internal Statuses a client retries whatever their class says. */
export const RETRYABLE_STATUSES: readonly number[] = ${frozen(list(rules.retryableStatuses), "flat")};

/** @internal Statuses a client never retries whatever their class says. */
export const NON_RETRYABLE_STATUSES: readonly number[] = ${frozen(list(rules.nonRetryableStatuses), "flat")};
${statusRules(contract)}`;
}
