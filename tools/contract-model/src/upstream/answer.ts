import type { CodeEntry, ContractRules, StatusRow } from "../records.js";

/** What the mapping is checked against: the catalog, the status table and the retry rules (a CheckedContract, or codegen's model of it). */
export interface UpstreamContract {
  codes: readonly CodeEntry[];
  statuses: readonly StatusRow[];
  rules: ContractRules;
}

/** Why an answer (code, status) is not legal in the contract, or its resolved status and retryability. */
export type AnswerCheck =
  { ok: true; status: number; retryable: boolean } | { ok: false; member: "code" | "status"; says: string };

/** Whether a client retries a codeless answer with `status`: the contract's status rules. */
export function codelessRetryable(contract: UpstreamContract, status: number): boolean {
  const { retryableStatuses, nonRetryableStatuses, statusClasses } = contract.rules;
  if (nonRetryableStatuses.includes(status)) return false;
  if (retryableStatuses.includes(status)) return true;
  return statusClasses.find((c) => status >= c.from && status <= c.to)?.retryable ?? false;
}

/**
 * Checks a mapping rule's answer against the catalog: a code must be in it and the status one
 * of the code's statuses (default: the canonical one); a null code needs a status the table
 * lets go without a code. Gives the status the answer is sent with and whether it is retryable.
 */
export function checkAnswer(contract: UpstreamContract, code: string | null, status: number | undefined): AnswerCheck {
  if (code === null) {
    if (status === undefined) return { ok: false, member: "code", says: "a null code needs a status" };
    const row = contract.statuses.find((s) => s.status === status);
    const codeless = contract.statuses.filter((s) => s.codeless).map((s) => s.status);
    if (!row?.codeless)
      return {
        ok: false,
        member: "status",
        says: `status ${status} may not go without a code (codeless statuses: ${codeless.join(", ")})`,
      };
    return { ok: true, status, retryable: codelessRetryable(contract, status) };
  }
  const entry = contract.codes.find((c) => c.code === code);
  if (!entry)
    return {
      ok: false,
      member: "code",
      says: `"${code}" is not a code of the catalog (schemas/error-code.schema.json)`,
    };
  const allowed = [entry.status, ...entry.otherStatuses.map((o) => o.status)];
  if (status !== undefined && !allowed.includes(status))
    return { ok: false, member: "status", says: `code "${code}" is sent with ${allowed.join(", ")}, not ${status}` };
  return { ok: true, status: status ?? entry.status, retryable: entry.retryable };
}
