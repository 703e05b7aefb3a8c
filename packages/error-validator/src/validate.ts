import type { ErrorEnvelope, LenientErrorEnvelope } from "@org/error-types";
import {
  checkCopyStrict,
  type CompiledReporter,
  type CompiledValidationError,
  guardLenient,
  guardStrict,
  reportLenient,
  reportStrict,
} from "./generated/validators.js";
import { toIssues, type ValidationIssue, type ValidationResult } from "./issue.js";
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

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Resolves the mode; a wrong one is a programming error, said plainly. */
export function resolveMode(options: ValidateOptions | undefined): ValidationMode {
  const mode = options?.mode ?? "lenient";
  if (mode !== "strict" && mode !== "lenient")
    throw new TypeError(`@org/error-validator: mode must be "strict" or "lenient", got ${JSON.stringify(mode)}`);
  return mode;
}

/**
 * A copy of the envelope's own members on fresh plain objects. Why: inherited members must
 * not pass validation, and the value handed back must not carry the input's prototype.
 * Spread defines own properties, so a "__proto__" key stays plain data.
 */
function ownCopy(data: unknown): unknown {
  if (!isRecord(data)) return data;
  const copy: Record<string, unknown> = { ...data };
  if (isRecord(copy["error"])) copy["error"] = { ...copy["error"] };
  return copy;
}

const exceptionIssue = (e: unknown): ValidationIssue[] => [
  {
    path: "",
    keyword: "exception",
    message: `the value could not be read: ${e instanceof Error ? e.message : "it threw while being read"}`,
  },
];

/** What the checks give: the copy that passed, or the first problem. */
type Checked = { ok: true; value: unknown } | CompiledValidationError;

/**
 * The own-member copy, by spreading, checked by `report`. Lenient always takes it (extra
 * members are kept, so the copy takes them all); strict only for what its one pass cannot
 * vouch for (an inherited member, an optional member present but undefined), with the same
 * verdict and first problem the one pass would give.
 */
function spreadCheck(data: unknown, report: CompiledReporter): Checked {
  const copy = ownCopy(data);
  return report(copy) ?? { ok: true, value: copy };
}

/**
 * Checks, then makes the problem an issue; never throws (getters and proxies can). Strict:
 * check and copy in one generated pass, each member read once, and the copy made only for a
 * value that passed, so a rejected value costs the checks and its problem, not a copy. The
 * value handed back is exactly what was checked (a getter or proxy is read once).
 */
function run(mode: ValidationMode, data: unknown): ValidationResult<unknown> {
  let checked: Checked;
  try {
    checked =
      mode === "strict" ? (checkCopyStrict(data) ?? spreadCheck(data, reportStrict)) : spreadCheck(data, reportLenient);
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
 * no copy, no issues. Never throws (a throwing getter or proxy gives `false`). Members are
 * read as properties, as JSON Schema validators do, so inherited members count here; a value
 * from `JSON.parse` has only its own.
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
 * strict validator or the issue messages). Never throws.
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
  // The copy can pass where the value did not: an inherited member outside the contract.
  throw new ErrorEnvelopeValidationError(
    result.ok
      ? [{ path: "", keyword: "additionalProperties", message: "the value inherits a member outside the contract" }]
      : result.issues,
  );
}
