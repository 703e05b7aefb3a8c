import type { Rule } from "./catalogue.js";
import { RULES } from "./rules.js";

export { BUMP_OF, isSeverity, SEVERITIES, type Rule, type Severity } from "./catalogue.js";
export { RULES };

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** Every rule id, for configs and ignore files to be checked against. */
export type RuleId = string;

/** The rule of an id; throws a TypeError for an unknown id (a programming error in a classifier). */
export function rule(id: RuleId): Rule {
  const found = BY_ID.get(id);
  if (!found) throw new TypeError(`unknown contract rule id ${JSON.stringify(id)}`);
  return found;
}

/** True when `id` names a rule. */
export const isRuleId = (id: unknown): id is RuleId => typeof id === "string" && BY_ID.has(id);
