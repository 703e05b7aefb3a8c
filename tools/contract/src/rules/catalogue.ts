import type { Bump } from "../bump.js";

/**
 * How bad a change is for someone who relies on the contract, in the words of oasdiff /
 * buf: `breaking` needs a major release, `warning` a minor one, `info` a patch.
 */
export type Severity = "breaking" | "warning" | "info";

/** Every severity, weakest first. */
export const SEVERITIES: readonly Severity[] = ["info", "warning", "breaking"];

/** The semver bump a severity asks for. */
export const BUMP_OF: Readonly<Record<Severity, Exclude<Bump, "none">>> = {
  breaking: "major",
  warning: "minor",
  info: "patch",
};

/** Type guard for a severity name (as written in contract.config.json). */
export function isSeverity(value: unknown): value is Severity {
  return typeof value === "string" && (SEVERITIES as readonly string[]).includes(value);
}

/** One rule: a stable id reviewers, configs and ignore files refer to. */
export interface Rule<Id extends string = string> {
  id: Id;
  /** What the schema set holds it for: codes, categories, the envelope, the HTTP table, ... */
  area: "codes" | "clients" | "types" | "envelope" | "http" | "contract";
  severity: Severity;
  /** One line: what happened. */
  title: string;
  /** Why that severity: who is affected and how. */
  rationale: string;
}

/** A rule as the tables write it: the rationale in lines that fit the page, joined with spaces. */
export interface RuleRow extends Omit<Rule, "rationale"> {
  rationale: readonly string[];
}
