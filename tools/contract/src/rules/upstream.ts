import type { RuleRow } from "./catalogue.js";

/**
 * Rules on the upstream mapping (schemas/upstream/<provider>.json, contract 1.2): how a
 * provider's failure is answered. Clients see the answer (code, status, retryability), not
 * the mapping; the severities follow what a client sees change for the same provider failure.
 * Ids are stable: never renamed or reused (add a new rule instead).
 */
export const UPSTREAM_RULES = [
  {
    id: "upstream-provider-added",
    area: "contract",
    severity: "warning",
    title: "A provider's upstream mapping was added",
    rationale: ["Its failures were answered by the generic fallback; now they get the provider's own answers: minor."],
  },
  {
    id: "upstream-provider-removed",
    area: "contract",
    severity: "breaking",
    title: "A provider's upstream mapping was removed",
    rationale: [
      "Its failures fall to the generic fallback: an invalid key or a rate limit gets another code, status and",
      "retryability than clients were told.",
    ],
  },
  {
    id: "upstream-rule-added",
    area: "contract",
    severity: "warning",
    title: "A mapping rule was added",
    rationale: [
      "A provider failure gets a more precise answer than the rules after it gave: minor, review its answer.",
    ],
  },
  {
    id: "upstream-rule-removed",
    area: "contract",
    severity: "breaking",
    title: "A mapping rule was removed",
    rationale: ["What it matched now gets a later rule's answer: another code, status or retryability for clients."],
  },
  {
    id: "upstream-rule-retryability-changed",
    area: "contract",
    severity: "breaking",
    title: "A mapping rule's answer changed retryability",
    rationale: [
      "Clients see a behaviour change for the same provider failure: an upstream 429 now answered non-retryable",
      "is never retried again; one now retryable is sent again (and multiplies in chained gateways).",
    ],
  },
  {
    id: "upstream-rule-answer-changed",
    area: "contract",
    severity: "breaking",
    title: "A mapping rule's answer changed its code, status or keepUpstream (retryability unchanged)",
    rationale: ["Clients switch on the code and the status: the same provider failure reads differently."],
  },
  {
    id: "upstream-rule-match-changed",
    area: "contract",
    severity: "warning",
    title: "What a mapping rule matches changed, or the order of the rules",
    rationale: [
      "Some provider failures move to another rule (the first match wins); each rule's answer is reviewed on",
      "its own: minor, review which failures move.",
    ],
  },
  {
    id: "upstream-rule-disposition-changed",
    area: "contract",
    severity: "warning",
    title: "A mapping rule's disposition changed",
    rationale: [
      "What the gateway does with the channel (disable it, try another) changes; the answer does not: minor.",
    ],
  },
  {
    id: "upstream-provider-headers-changed",
    area: "contract",
    severity: "warning",
    title: "The headers a provider's request id or retry hint is read from changed",
    rationale: ["Attribution (`upstream.request_id`) and the Retry-After passed on may change: minor."],
  },
] as const satisfies readonly RuleRow[];
