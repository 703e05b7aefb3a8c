import type { Rule } from "./catalogue.js";
import { CODE_RULES } from "./codes.js";
import { CONTRACT_RULES } from "./contract.js";
import { DIALECT_RULES } from "./dialects.js";
import { ENVELOPE_RULES } from "./envelope.js";

/**
 * Every rule of the contract diff, in catalogue order, as written (`as const`): the ids are
 * literal types, so {@link RuleId} is derived from this table and a misspelt id is a type
 * error. The ids are stable: configs, ignore files and CI scripts name them, so an id is never
 * renamed or reused (add a new one instead).
 */
export const RULE_TABLE = [...CODE_RULES, ...ENVELOPE_RULES, ...DIALECT_RULES, ...CONTRACT_RULES] as const;

/** Every rule id. */
export type RuleId = (typeof RULE_TABLE)[number]["id"];

/** Every rule, in catalogue order, with its rationale as one text. */
export const RULES: ReadonlyArray<Rule<RuleId>> = RULE_TABLE.map((r) => ({ ...r, rationale: r.rationale.join(" ") }));
