import type { Rule } from "./catalogue.js";
import { RULES, type RuleId } from "./rules.js";

export { BUMP_OF, isSeverity, SEVERITIES, type Rule, type Severity } from "./catalogue.js";
export { RULES, type RuleId };

const BY_ID: ReadonlyMap<string, Rule<RuleId>> = new Map(RULES.map((rule) => [rule.id, rule]));

/**
 * A rule id as a classifier passes it: a literal must be one of {@link RuleId} (a typo is a
 * type error); an id computed as a plain `string` is checked by {@link rule} at run time.
 */
export type CheckedRuleId<T extends string> = string extends T ? T : T extends RuleId ? T : never;

/** The rule of an id; throws a TypeError for an unknown id (a programming error in a classifier). */
export function rule(id: string): Rule<RuleId> {
  const found = BY_ID.get(id);
  if (!found) throw new TypeError(`unknown contract rule id ${JSON.stringify(id)}`);
  return found;
}

/** True when `id` names a rule. */
export const isRuleId = (id: unknown): id is RuleId => typeof id === "string" && BY_ID.has(id);
