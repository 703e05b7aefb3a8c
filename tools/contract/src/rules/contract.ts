import type { RuleRow } from "./catalogue.js";

/**
 * Rules on the HTTP status table, the contract-wide facts, wording, order, and the rest.
 * Ids are stable: never renamed or reused (add a new rule instead).
 */
export const CONTRACT_RULES = [
  {
    id: "http-status-added",
    area: "http",
    severity: "warning",
    title: "An HTTP status was added to the contract's status table",
    rationale: [
      "Services may answer with a status they could not use before; clients map it by its class (4xx/5xx)",
      "until they learn it.",
    ],
  },
  {
    id: "http-status-removed",
    area: "http",
    severity: "breaking",
    title: "An HTTP status was removed from the status table",
    rationale: [
      "Services that answer with it become non-conforming, and `HttpErrorStatus` loses a member (exhaustive",
      "code stops compiling).",
    ],
  },
  {
    id: "http-status-changed",
    area: "http",
    severity: "breaking",
    title: "An HTTP status's `type` or no-code use changed",
    rationale: [
      "Clients that map a status without a code (`errorTypeForHttpStatus`) get another category, or a",
      "response with `code: null` becomes (in)valid at that status.",
    ],
  },
  {
    id: "retry-after-statuses-changed",
    area: "http",
    severity: "warning",
    title: "The statuses that may carry `Retry-After` changed",
    rationale: [
      "Clients honour `Retry-After` only where the contract says it may appear; servers must add or drop",
      "the header. Behaviour changes, shapes do not: minor.",
    ],
  },
  {
    id: "retry-status-rule-changed",
    area: "http",
    severity: "breaking",
    title: "The client retry rule by status changed",
    rationale: [
      "`@org/error-client` retries codeless and unknown-code responses by status; changing which statuses",
      "retry changes every client's retries for them.",
    ],
  },
  {
    id: "reference-url-changed",
    area: "contract",
    severity: "warning",
    title: "The reference base URL changed",
    rationale: [
      "Every code's `docUrl` (and `doc_url` in bodies) moves; links in logs, dashboards and bookmarks break",
      "unless the old URL redirects.",
    ],
  },
  {
    id: "contract-fact-stated",
    area: "contract",
    severity: "warning",
    title: "A contract fact is now stated in the schema (absent before)",
    rationale: [
      "Happens when a fact that lived in hand-written code moves into the schema (a status row's type,",
      "Retry-After, the message cap, the reference URL, the retry rule): the schema edit itself changes no",
      "behaviour, but the generated API grows (new exports, stricter checks from the schema). Review the",
      "stated value against what services and clients do today: minor.",
    ],
  },
  {
    id: "contract-fact-removed",
    area: "contract",
    severity: "breaking",
    title: "A contract fact the schema stated is no longer stated",
    rationale: [
      "Generated exports built from it disappear or fall back to defaults, and every check that read it",
      "changes: breaking.",
    ],
  },
  {
    id: "text-changed",
    area: "contract",
    severity: "info",
    title: "Wording changed (meaning, advice, reason phrase, when-to-use, titles, descriptions)",
    rationale: [
      "Texts are documentation: no accepted value and no client decision changes. Reported so the release",
      "notes can say so (patch).",
    ],
  },
  {
    id: "order-changed",
    area: "contract",
    severity: "info",
    title: "The order of codes or categories changed",
    rationale: ["Changes the order of `ERROR_CODES` / `ERROR_TYPES` and of the docs, nothing a client decides on."],
  },
  {
    id: "unknown-change",
    area: "contract",
    severity: "breaking",
    title: "A change the classifier does not understand",
    rationale: [
      "A change no rule understands may break someone, so it must be looked at: breaking by default, to be",
      "safe. Review it, then lower its severity in a reviewed ignore entry or a changeset.",
    ],
  },
] as const satisfies readonly RuleRow[];
