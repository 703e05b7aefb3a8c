import { isJsonObject, type Json } from "../json.js";
import type { ContractNames, ContractRules, NameGrammar, StatusClass } from "../records.js";
import { isStatus } from "./checks.js";
import { memberUnder } from "../pointer.js";
import { BODY_MEMBERS } from "../vocabulary.js";
import { fail, type StrictInput } from "./context.js";
import type { FactValues } from "./read-facts.js";
import { checkType } from "./read-statuses.js";

const SETTINGS = "/x-contract";

function statusList(value: Json | undefined, pointer: string): number[] {
  if (!Array.isArray(value) || !value.every(isStatus))
    fail("envelope", pointer, "must be a list of HTTP error statuses (400-599)");
  return value;
}

function statusClass(c: Json, i: number, known: ReadonlySet<string>): StatusClass {
  const at = `${SETTINGS}/statusClasses/${i}`;
  const ok =
    isJsonObject(c) &&
    isStatus(c["from"]) &&
    isStatus(c["to"]) &&
    c["from"] <= c["to"] &&
    typeof c["retryable"] === "boolean" &&
    Object.keys(c).length === 4;
  if (!ok) fail("envelope", at, "must be { from, to, type, retryable } with 400 <= from <= to <= 599");
  return {
    from: c["from"] as number,
    to: c["to"] as number,
    type: checkType(c["type"], `${at}/type`, known),
    retryable: c["retryable"] as boolean,
  };
}

/** The reference URL, the message cap, the type and retry rules for statuses outside the table, cross-checked. */
export function readRules(facts: FactValues, known: ReadonlySet<string>): ContractRules {
  const maxMessageSchemaLength = facts["messageSchemaLength"] as number;
  const maxMessageLength = facts["maxMessageLength"] as number;
  if (maxMessageLength > maxMessageSchemaLength)
    fail(
      "envelope",
      `${SETTINGS}/maxMessageLength`,
      `must be an integer from 1 to the message's maxLength (${maxMessageSchemaLength})`,
    );
  const classes = (facts["statusClasses"] as Json[]).map((c, i) => statusClass(c, i, known));
  const yes = statusList(facts["retryableStatuses"], `${SETTINGS}/retryableStatuses`);
  const no = statusList(facts["nonRetryableStatuses"], `${SETTINGS}/nonRetryableStatuses`);
  const both = yes.find((s) => no.includes(s));
  if (both !== undefined)
    fail("envelope", `${SETTINGS}/nonRetryableStatuses`, `${both} is listed as retryable and as not retryable`);
  return {
    referenceUrl: facts["referenceUrl"] as string,
    maxMessageLength,
    maxMessageSchemaLength,
    statusClasses: classes,
    otherStatusType: checkType(facts["otherStatusType"], `${SETTINGS}/otherStatusType`, known),
    retryableStatuses: yes,
    nonRetryableStatuses: no,
  };
}

/** The grammars, header names and media type, as read. */
export function readNames(facts: FactValues, vocabulary: StrictInput["vocabulary"]): ContractNames {
  const headers: Record<string, string> = {};
  for (const [id, fact] of Object.entries(vocabulary)) {
    const role = memberUnder(fact.pointer, `${SETTINGS}/headers`);
    const value = facts[id];
    if (role !== undefined && typeof value === "string") headers[role] = value;
  }
  return {
    code: { pattern: facts["codePattern"] as string, maxLength: facts["codeMaxLength"] as number },
    member: { pattern: facts["memberPattern"] as string, maxLength: facts["memberMaxLength"] as number },
    headers,
    problemMediaType: facts["problemMediaType"] as string,
    docUrl: { pattern: facts["docUrlPattern"] as string, maxLength: facts["docUrlMaxLength"] as number },
    upstreamProvider: grammarOf(facts["upstreamProviderPattern"], facts["upstreamProviderMaxLength"]),
  };
}

/**
 * The provider grammar: stated by two optional facts, both or neither (a contract before 1.2
 * has no `error.upstream`). One without the other is refused, naming where.
 */
function grammarOf(pattern: unknown, maxLength: unknown): NameGrammar | undefined {
  if (typeof pattern === "string" && typeof maxLength === "number") return { pattern, maxLength };
  if (pattern === undefined && maxLength === undefined) return undefined;
  return fail(
    "envelope",
    `${BODY_MEMBERS}/upstream/properties/provider`,
    "needs both a pattern and a maxLength (the provider grammar), or neither",
  );
}
