import type { RuleRow } from "./catalogue.js";

/**
 * Rules on the dialects (x-dialects, contract 1.2): how a contract error is rendered on each
 * API surface. Each surface's SDK reads members at fixed places and switches on the surface's
 * type names, so the severities follow oasdiff / buf for a response shape: a new surface or a
 * new place is minor, a moved member, a renamed type or a dropped surface is breaking.
 * Ids are stable: never renamed or reused (add a new rule instead).
 */
export const DIALECT_RULES = [
  {
    id: "dialect-added",
    area: "envelope",
    severity: "warning",
    title: "A dialect was added (a new API surface's error shape)",
    rationale: [
      "Services may render errors for one more surface; no existing client sees anything new (like a new",
      "endpoint in oasdiff): minor.",
    ],
  },
  {
    id: "dialect-removed",
    area: "envelope",
    severity: "breaking",
    title: "A dialect was removed",
    rationale: [
      "Services configured with it stop building; that surface's clients get another shape, and their SDK",
      "loses the code, the request id and the type.",
    ],
  },
  {
    id: "dialect-type-map-changed",
    area: "envelope",
    severity: "breaking",
    title: "A surface type name of a dialect changed (for a contract type or at an HTTP status)",
    rationale: [
      'Clients switch on the surface\'s names (`err.type === "overloaded_error"`, `status: "UNAVAILABLE"`);',
      "another name for the same error is an enum value changed under them (buf: ENUM_VALUE_SAME_NAME).",
    ],
  },
  {
    id: "dialect-type-name-added",
    area: "envelope",
    severity: "warning",
    title: "A dialect names a contract type it did not name before",
    rationale: ["Comes with a new contract type (itself classified); nothing a client read before changes: minor."],
  },
  {
    id: "dialect-member-moved",
    area: "envelope",
    severity: "breaking",
    title: "A member of a dialect's body moved, a constant changed, or what a codeless error writes changed",
    rationale: [
      "Each SDK reads a member at one place (@anthropic-ai/sdk's `errorCode` at `error.details.error_code`):",
      "moved, it reads nothing (oasdiff: response property removed).",
    ],
  },
  {
    id: "dialect-member-added",
    area: "envelope",
    severity: "warning",
    title: "A dialect's body gains a member (a place for a new envelope member, a new constant)",
    rationale: ["Clients ignore members they do not read (oasdiff: optional response property added): minor."],
  },
  {
    id: "dialect-request-id-header-removed",
    area: "envelope",
    severity: "breaking",
    title: "A dialect no longer sends the request id in a header",
    rationale: [
      "SDKs read the request id from one header (@anthropic-ai/sdk's `requestID` from `request-id`); without",
      "it, users cannot quote the id to support.",
    ],
  },
  {
    id: "dialect-request-id-header-added",
    area: "envelope",
    severity: "warning",
    title: "A dialect sends the request id in one more header",
    rationale: ["One more response header; nothing a client read before changes: minor."],
  },
  {
    id: "dialect-sse-changed",
    area: "envelope",
    severity: "breaking",
    title: "A dialect's error event inside a stream changed (event name or retryable member)",
    rationale: [
      "SDKs raise an error only for the event form they know (Anthropic's for `event: error`, Google's for an",
      "unnamed one); another form is ignored and a cut-off answer looks complete.",
    ],
  },
] as const satisfies readonly RuleRow[];
