import type { CompiledValidator } from "./generated/validators.js";
import { toIssues, type ValidationIssue } from "./issue.js";

/** A failed validation: `ok: false` and the issues found. */
export interface InvalidResult {
  ok: false;
  issues: ValidationIssue[];
}

/**
 * Runs the reporting validator on a value the boolean guard already rejected and maps its
 * report. Why separate: a caller that only branches on `ok` never pays for this.
 */
function issuesOf(validator: CompiledValidator, copy: unknown): ValidationIssue[] {
  // The guard and the validator are held to the same verdict by the differential tests; a
  // value that passes here changed while being read (a stateful getter), and says so.
  if (validator(copy)) return [{ path: "", keyword: "exception", message: "the value changed while being read" }];
  return toIssues(validator.errors, copy);
}

/**
 * The result of a failed validation whose `issues` are computed on first read, from the
 * copy the guard rejected (so they describe exactly the value that failed). Once read, or
 * once assigned, `issues` is a plain data member: `JSON.stringify`, spread, `toEqual` and
 * reassignment see an ordinary `{ ok: false, issues }`.
 */
export function invalidResult(validator: CompiledValidator, copy: unknown): InvalidResult {
  return {
    ok: false,
    get issues(): ValidationIssue[] {
      const issues = issuesOf(validator, copy);
      Object.defineProperty(this, "issues", { value: issues, writable: true, enumerable: true, configurable: true });
      return issues;
    },
    set issues(value: ValidationIssue[]) {
      Object.defineProperty(this, "issues", { value, writable: true, enumerable: true, configurable: true });
    },
  };
}
