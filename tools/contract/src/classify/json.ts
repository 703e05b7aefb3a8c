import type { Change } from "../change.js";
import { BUMP_OF, type CheckedRuleId, rule } from "../rules/index.js";
import type { Json } from "../schema-set.js";
import { own } from "../utils/own.js";

/** Deep equality of two JSON values (object key order does not matter). */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (typeof a !== "object" || typeof b !== "object") return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  // Own properties only: `{ "toString": 1 }` against `{}` must compare 1 with absent, not with a function.
  for (const k of keys) if (!jsonEqual(own(a, k), own(b, k))) return false;
  return true;
}

/**
 * A text that is equal for two values exactly when {@link jsonEqual} says they are equal:
 * JSON with object keys sorted, `undefined` (absent) apart from every JSON text. Used as a
 * hash key where comparing every pair would be quadratic.
 */
export function canonical(value: Json | undefined): string {
  if (value === undefined) return "-";
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(own(value, k))}`).join(",")}}`;
}

/** A value for a message: JSON, shortened so one change stays one line. */
export function show(value: Json | undefined): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Appends a key to a JSON Pointer, escaping `~` and `/` (RFC 6901). */
export function at(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

/** Collects the changes of one schema file. */
export class ChangeLog {
  readonly changes: Change[] = [];

  constructor(
    /** Schema file name the changes belong to. */
    readonly file: string,
  ) {}

  /** Keeps the last recorded change at `severity` or above whatever the config says (client impact). */
  floor(severity: Change["severity"]): void {
    const last = this.changes.at(-1);
    if (last) last.minSeverity = severity;
  }

  /** Records one change under a rule id, at the rule's default severity (overrides come later). */
  add<T extends string>(
    ruleId: T & CheckedRuleId<T>,
    pointer: string,
    subject: string,
    message: string,
    impact?: string[],
  ): void {
    const { severity } = rule(ruleId);
    const change: Change = {
      rule: ruleId,
      severity,
      bump: BUMP_OF[severity],
      file: this.file,
      pointer,
      subject,
      message,
    };
    if (impact && impact.length > 0) change.impact = impact;
    this.changes.push(change);
  }
}

/**
 * Keywords that only document: changing them changes no accepted value, so they are patch.
 * Everything else that is not understood is reported as major (see generic.ts).
 */
export const ANNOTATION_KEYWORDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "$comment",
  "examples",
  "default",
  "deprecated",
  "readOnly",
  "writeOnly",
]);
