import type { RuleRow } from "./catalogue.js";

/**
 * Rules on the business codes, the client impact of their edits, and the `type` categories.
 * Ids are stable: never renamed or reused (add a new rule instead).
 */
export const CODE_RULES = [
  {
    id: "code-removed",
    area: "codes",
    severity: "breaking",
    title: "A business code was removed",
    rationale: [
      "Services stop sending the code and strict validators of the new version reject it, while clients",
      "(and dashboards, alerts, `switch` statements) written against the old catalog still branch on it.",
      "Anything keyed on the code silently stops matching, so it needs a major release.",
    ],
  },
  {
    id: "code-renamed",
    area: "codes",
    severity: "breaking",
    title: "A business code was renamed (same status, type, retryability and meaning)",
    rationale: [
      "A rename is a removal plus an addition for every consumer: the old name disappears from responses",
      "and the new one is unknown to older strict validators. It is reported once, as a rename, so the",
      "reviewer sees the intent, but it is as breaking as a removal.",
    ],
  },
  {
    id: "code-added",
    area: "codes",
    severity: "warning",
    title: "A business code was added",
    rationale: [
      "Lenient clients accept unknown codes and fall back to the status and `type`, so nothing breaks;",
      "strict validators of older versions reject the new code, and exhaustive `switch` statements over",
      "`ErrorCode` need a new branch when they upgrade. That is what a minor release announces.",
    ],
  },
  {
    id: "code-status-changed",
    area: "codes",
    severity: "breaking",
    title: "A code's canonical HTTP status changed",
    rationale: [
      "Clients, proxies and SDKs decide on the status before they read the body: the retry decision, the",
      "exception class (`openai`'s `ConflictError` vs `InternalServerError`), alerting on 5xx rates. Moving",
      "a code between statuses changes what every one of them does, so it is breaking; the client-impact",
      "lines say exactly how.",
    ],
  },
  {
    id: "code-type-changed",
    area: "codes",
    severity: "breaking",
    title: "A code's `type` category changed",
    rationale: [
      "`error.type` is what clients that do not know every code branch on (e.g. `rate_limit_error` vs",
      "`server_error`). Moving a code to another category changes their handling without any change on",
      "their side.",
    ],
  },
  {
    id: "code-retryable-enabled",
    area: "codes",
    severity: "breaking",
    title: "A code became retryable",
    rationale: [
      "`@org/error-client` retries on the catalog first and @org/error-server sends `x-should-retry: true`",
      "for it, so clients start repeating requests that were sent once before: load and side effects change",
      "(non-idempotent calls may run twice).",
    ],
  },
  {
    id: "code-retryable-disabled",
    area: "codes",
    severity: "breaking",
    title: "A code is no longer retryable",
    rationale: [
      "Clients stop retrying a failure they used to recover from automatically, so transient errors now",
      "reach users and callers must add their own handling.",
    ],
  },
  {
    id: "code-status-allowed-added",
    area: "codes",
    severity: "warning",
    title: "A code may now also be sent with another HTTP status",
    rationale: [
      "Services gain a status they may use for the code (e.g. 413 for `read_request_body_failed`). Lenient",
      "clients accept any status; consumers that check status/code pairs learn a new pair, as with an added",
      "code.",
    ],
  },
  {
    id: "code-status-allowed-removed",
    area: "codes",
    severity: "breaking",
    title: "A code may no longer be sent with one of its statuses",
    rationale: [
      "Services that send the code with that status become non-conforming (`createError` rejects the pair),",
      "and strict consumers' expectations narrow. Producers must change, so it is breaking.",
    ],
  },
  {
    id: "client-retry-changed",
    area: "clients",
    severity: "warning",
    title: "A listed client now retries a code the catalog says must not be retried, or stops retrying one that may be",
    rationale: [
      "Computed from each client's retry rules (`@org/error-client`, `openai@6`, the Vercel AI SDK). Even",
      "when semver alone would call the edit a patch (say, a changed table entry the reviewer downgraded),",
      "a client repeating requests it must not repeat, or giving up on recoverable ones, is a behaviour",
      "change someone must review.",
    ],
  },
  {
    id: "type-added",
    area: "types",
    severity: "warning",
    title: "A `type` category was added",
    rationale: [
      "Older strict validators reject the new category; lenient clients accept any string. It adds to the",
      "contract, so minor.",
    ],
  },
  {
    id: "type-removed",
    area: "types",
    severity: "breaking",
    title: "A `type` category was removed",
    rationale: [
      "Clients branching on that category never see it again, and codes or statuses that used it must move",
      "elsewhere.",
    ],
  },
] as const satisfies readonly RuleRow[];
