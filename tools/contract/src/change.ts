import type { Bump } from "./bump.js";
import type { Severity } from "./rules/index.js";

/** One classified difference between the schemas at the base and in the working tree. */
export interface Change {
  /** The stable rule id, e.g. `code-status-changed` (see docs/contract-rules.md). */
  rule: string;
  /** The rule's severity, after the overrides of contract.config.json. */
  severity: Severity;
  /** What this change alone requires (from the severity). */
  bump: Exclude<Bump, "none">;
  /** Schema file the change is in, e.g. `error-code.schema.json`. */
  file: string;
  /** JSON Pointer into the file (in the newer version when the spot still exists). */
  pointer: string;
  /** What it is about: a code, a type category, a member (`ErrorBody.param`), a status. Ignore entries match on it. */
  subject: string;
  /** What changed, in words, e.g. `code "access_denied": status 403 -> 401`. */
  message: string;
  /** A severity the config cannot lower it below (a listed client now retries against the catalog). */
  minSeverity?: Severity;
  /** What listed clients now do differently (codes whose status or retryability changed). */
  impact?: string[];
}

/** The result of comparing two versions of the contract. */
export interface ContractDiff {
  changes: Change[];
  /** The bump the whole change requires: the strongest of `changes`, `"none"` if empty. */
  bump: Bump;
}
