import type { ErrorEnvelope, LenientErrorEnvelope } from "@org/error-types";
import {
  checkCopyStrict,
  type CompiledValidationError,
  guardLenient,
  guardStrict,
  reportLenient,
} from "./generated/validators.js";
import { describe } from "./describe.js";
import { toIssues, type ValidationIssue, type ValidationResult } from "./issue.js";
import { lenientCopy } from "./lenient-copy.js";
import { logText } from "./log-text.js";
import { ErrorEnvelopeValidationError } from "./validation-error.js";

/** `strict`: exactly the contract (producers). `lenient`: what real gateways send (consumers). */
export type ValidationMode = "strict" | "lenient";

/** Options of `validateErrorEnvelope` and `parseErrorEnvelope`. */
export interface ValidateOptions {
  /**
   * Which rules apply. Lenient accepts unknown string codes, numeric codes, `""`, `null`, a
   * missing `param` or `type`, and extra members.
   * @default "lenient"
   */
  mode?: ValidationMode;
}

/** Resolves the mode; a wrong one is a programming error, said plainly. */
export function resolveMode(options: ValidateOptions | undefined): ValidationMode {
  const mode: unknown = options?.mode ?? "lenient";
  if (mode !== "strict" && mode !== "lenient")
    throw new TypeError(`@org/error-validator: mode must be "strict" or "lenient", got ${describe(mode)}`);
  return mode;
}

/** Longest part of a thrown Error's message an issue quotes. */
const MAX_THROWN_TEXT = 200;

/** What a throw while reading says: the Error's message as one bounded log-safe line, or what was thrown. */
function thrownText(e: unknown): string {
  try {
    if (e instanceof Error) {
      const message: unknown = e.message;
      return typeof message === "string" ? logText(message, MAX_THROWN_TEXT) : "it threw an Error";
    }
    return `it threw ${describe(e)}`;
  } catch {
    // An Error whose message getter throws, a proxy whose prototype trap throws.
    return "it threw while being read";
  }
}

const exceptionIssue = (e: unknown): ValidationIssue[] => [
  { path: "", keyword: "exception", message: `the value could not be read: ${thrownText(e)}` },
];

/** What the checks give: the copy that passed, or the first problem. */
type Checked = { ok: true; value: unknown } | CompiledValidationError;

/** Lenient: the own-member copy (lenient-copy.ts), checked by the generated reporter. */
function lenientCheck(data: unknown): Checked {
  const copy = lenientCopy(data);
  return reportLenient(copy) ?? { ok: true, value: copy };
}

/**
 * Checks, then makes the problem an issue; never throws (getters and proxies can). Members
 * are own enumerable string-keyed properties, on every path. Strict: check and copy in one
 * generated pass, each member read once, and the copy made only for a value that passed, so
 * a rejected value costs the checks and its problem, not a copy. The value handed back is
 * exactly what was checked (a getter or proxy is read once).
 */
function run(mode: ValidationMode, data: unknown): ValidationResult<unknown> {
  let checked: Checked;
  try {
    checked = mode === "strict" ? checkCopyStrict(data) : lenientCheck(data);
  } catch (e) {
    return { ok: false, issues: exceptionIssue(e) };
  }
  return checked.ok ? checked : { ok: false, issues: toIssues(checked) };
}

/**
 * Validates an error envelope and returns it, or the issues found. Never throws on bad data.
 * Lenient by default (for consumers); pass `{ mode: "strict" }` to check a body you produce.
 * On success `value` is a fresh copy of the envelope's own members.
 */
export function validateErrorEnvelope(data: unknown, options: { mode: "strict" }): ValidationResult<ErrorEnvelope>;
export function validateErrorEnvelope(
  data: unknown,
  options?: { mode?: "lenient" },
): ValidationResult<LenientErrorEnvelope>;
export function validateErrorEnvelope(
  data: unknown,
  options?: ValidateOptions,
): ValidationResult<ErrorEnvelope | LenientErrorEnvelope>;
export function validateErrorEnvelope(
  data: unknown,
  options?: ValidateOptions,
): ValidationResult<ErrorEnvelope | LenientErrorEnvelope> {
  return run(resolveMode(options), data) as ValidationResult<ErrorEnvelope | LenientErrorEnvelope>;
}

/**
 * True when `data` is exactly a contract envelope (strict). The fast path: a generated guard,
 * no copy, no issues. Never throws (a throwing getter or proxy gives `false`). Same answer as
 * `validateErrorEnvelope(data, { mode: "strict" }).ok`: own enumerable members only, and false
 * for a value that would not serialise as itself (an inherited member is absent, a toJSON
 * method fails), so a value it accepts survives `JSON.stringify` as an envelope.
 */
export function isErrorEnvelope(data: unknown): data is ErrorEnvelope {
  try {
    return guardStrict(data);
  } catch {
    return false;
  }
}

/**
 * True when `data` is an error envelope as real gateways send it (lenient). A boolean guard
 * for consumers: no copy, no issues, and small in a browser bundle (it does not pull in the
 * strict validator or the issue messages). Never throws. Same answer as lenient
 * `validateErrorEnvelope(data).ok` (own enumerable members only).
 */
export function isLenientErrorEnvelope(data: unknown): data is LenientErrorEnvelope {
  try {
    return guardLenient(data);
  } catch {
    return false;
  }
}

/**
 * Throws `ErrorEnvelopeValidationError` (with `.issues`) unless `data` is a strict contract
 * envelope. Agrees with `isErrorEnvelope`; the issues come from the strict validator.
 */
export function assertErrorEnvelope(data: unknown): asserts data is ErrorEnvelope {
  if (isErrorEnvelope(data)) return;
  const result = run("strict", data);
  // The guard and the checks agree; a getter or proxy can answer differently the second time.
  throw new ErrorEnvelopeValidationError(
    result.ok ? [{ path: "", keyword: "exception", message: "the value changed while being read" }] : result.issues,
  );
}
