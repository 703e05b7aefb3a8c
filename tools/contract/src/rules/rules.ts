import type { Rule } from "./catalogue.js";

const r = (id: string, area: Rule["area"], severity: Rule["severity"], title: string, rationale: string): Rule => ({ id, area, severity, title, rationale });

/**
 * Every rule of the contract diff, in catalogue order. The ids are stable: configs, ignore
 * files and CI scripts name them, so an id is never renamed or reused (add a new one instead).
 */
export const RULES: readonly Rule[] = [
  // codes
  r("code-removed", "codes", "breaking", "A business code was removed", "Services stop sending the code and strict validators of the new version reject it, while clients (and dashboards, alerts, `switch` statements) written against the old catalog still branch on it. Anything keyed on the code silently stops matching, so it needs a major release."),
  r("code-renamed", "codes", "breaking", "A business code was renamed (same status, type, retryability and meaning)", "A rename is a removal plus an addition for every consumer: the old name disappears from responses and the new one is unknown to older strict validators. It is reported once, as a rename, so the reviewer sees the intent, but it is as breaking as a removal."),
  r("code-added", "codes", "warning", "A business code was added", "Lenient clients accept unknown codes and fall back to the status and `type`, so nothing breaks; strict validators of older versions reject the new code, and exhaustive `switch` statements over `ErrorCode` need a new branch when they upgrade. That is what a minor release announces."),
  r("code-status-changed", "codes", "breaking", "A code's canonical HTTP status changed", "Clients, proxies and SDKs decide on the status before they read the body: the retry decision, the exception class (`openai`'s `ConflictError` vs `InternalServerError`), alerting on 5xx rates. Moving a code between statuses changes what every one of them does, so it is breaking; the client-impact lines say exactly how."),
  r("code-type-changed", "codes", "breaking", "A code's `type` category changed", "`error.type` is what clients that do not know every code branch on (e.g. `rate_limit_error` vs `server_error`). Moving a code to another category changes their handling without any change on their side."),
  r("code-retryable-enabled", "codes", "breaking", "A code became retryable", "`@org/error-client` retries on the catalog first and @org/error-server sends `x-should-retry: true` for it, so clients start repeating requests that were sent once before: load and side effects change (non-idempotent calls may run twice)."),
  r("code-retryable-disabled", "codes", "breaking", "A code is no longer retryable", "Clients stop retrying a failure they used to recover from automatically, so transient errors now reach users and callers must add their own handling."),
  r("code-status-allowed-added", "codes", "warning", "A code may now also be sent with another HTTP status", "Services gain a status they may use for the code (e.g. 413 for `read_request_body_failed`). Lenient clients accept any status; consumers that check status/code pairs learn a new pair, as with an added code."),
  r("code-status-allowed-removed", "codes", "breaking", "A code may no longer be sent with one of its statuses", "Services that send the code with that status become non-conforming (`createError` rejects the pair), and strict consumers' expectations narrow. Producers must change, so it is breaking."),
  r("client-retry-changed", "clients", "warning", "A listed client now retries a code the catalog says must not be retried, or stops retrying one that may be", "Computed from each client's retry rules (`@org/error-client`, `openai@6`, the Vercel AI SDK). Even when semver alone would call the edit a patch (say, a changed table entry the reviewer downgraded), a client repeating requests it must not repeat, or giving up on recoverable ones, is a behaviour change someone must review."),
  // types
  r("type-added", "types", "warning", "A `type` category was added", "Older strict validators reject the new category; lenient clients accept any string. It adds to the contract, so minor."),
  r("type-removed", "types", "breaking", "A `type` category was removed", "Clients branching on that category never see it again, and codes or statuses that used it must move elsewhere."),
  // envelope
  r("envelope-member-added-optional", "envelope", "warning", "An optional member was added to the envelope", "Producers may send it, lenient consumers ignore what they do not know, strict validators of older versions reject it: an addition, minor."),
  r("envelope-member-added-required", "envelope", "breaking", "A required member was added to the envelope", "Every existing producer's responses become invalid until they send it."),
  r("envelope-member-required", "envelope", "breaking", "An existing envelope member was made required", "Producers that omit it become non-conforming; consumers may start relying on it and then fail on older producers."),
  r("envelope-member-optional", "envelope", "warning", "An envelope member was made optional", "Consumers that assumed it is always present must now handle its absence in new responses; producers lose nothing. Reported as minor so the release notes mention it."),
  r("envelope-member-removed", "envelope", "breaking", "A member was removed from the envelope", "Consumers that read it get `undefined`, and strict validators reject producers that still send it."),
  r("envelope-member-narrowed", "envelope", "breaking", "An envelope member accepts fewer values (type, bound, pattern, format)", "Values that producers send today become invalid: a narrowed type, a lowered maximum, a raised minimum, a new pattern."),
  r("envelope-member-widened", "envelope", "warning", "An envelope member accepts more values", "Producers may now send values older consumers did not expect (a number where a string was), so strict consumers must be upgraded first: minor."),
  r("envelope-unknown-members-forbidden", "envelope", "breaking", "Unknown members are no longer accepted", "Responses carrying extra members (newer producers, gateways adding fields) now fail validation."),
  r("envelope-unknown-members-allowed", "envelope", "warning", "Unknown members are now accepted", "Widens what validates: consumers must tolerate extra members."),
  r("definition-added", "envelope", "warning", "A `$defs` definition was added", "Adds a named shape to the generated types; nothing existing changes."),
  r("definition-removed", "envelope", "breaking", "A `$defs` definition was removed", "The generated type of that name disappears; code importing it no longer compiles."),
  r("message-limit-lowered", "envelope", "breaking", "The message length limit was lowered", "Messages that were valid (and that services produce today) are now too long: producers must truncate more, strict validators reject older messages."),
  r("message-limit-raised", "envelope", "warning", "The message length limit was raised", "Producers may send longer messages than older consumers budget for (log lines, UI fields): minor."),
  // http table
  r("http-status-added", "http", "warning", "An HTTP status was added to the contract's status table", "Services may answer with a status they could not use before; clients map it by its class (4xx/5xx) until they learn it."),
  r("http-status-removed", "http", "breaking", "An HTTP status was removed from the status table", "Services that answer with it become non-conforming, and `HttpErrorStatus` loses a member (exhaustive code stops compiling)."),
  r("http-status-changed", "http", "breaking", "An HTTP status's `type` or no-code use changed", "Clients that map a status without a code (`errorTypeForHttpStatus`) get another category, or a response with `code: null` becomes (in)valid at that status."),
  r("retry-after-statuses-changed", "http", "warning", "The statuses that may carry `Retry-After` changed", "Clients honour `Retry-After` only where the contract says it may appear; servers must add or drop the header. Behaviour changes, shapes do not: minor."),
  r("retry-status-rule-changed", "http", "breaking", "The client retry rule by status changed", "`@org/error-client` retries codeless and unknown-code responses by status; changing which statuses retry changes every client's retries for them."),
  r("reference-url-changed", "contract", "warning", "The reference base URL changed", "Every code's `docUrl` (and `doc_url` in bodies) moves; links in logs, dashboards and bookmarks break unless the old URL redirects."),
  r("contract-fact-stated", "contract", "warning", "A contract fact is now stated in the schema (absent before)", "Happens when a fact that lived in hand-written code moves into the schema (a status row's type, Retry-After, the message cap, the reference URL, the retry rule): the schema edit itself changes no behaviour, but the generated API grows (new exports, stricter checks from the schema). Review the stated value against what services and clients do today: minor."),
  r("contract-fact-removed", "contract", "breaking", "A contract fact the schema stated is no longer stated", "Generated exports built from it disappear or fall back to defaults, and every check that read it changes: breaking."),
  // wording and the rest
  r("text-changed", "contract", "info", "Wording changed (meaning, advice, reason phrase, when-to-use, titles, descriptions)", "Texts are documentation: no accepted value and no client decision changes. Reported so the release notes can say so (patch)."),
  r("order-changed", "contract", "info", "The order of codes or categories changed", "Changes the order of `ERROR_CODES` / `ERROR_TYPES` and of the docs, nothing a client decides on."),
  r("unknown-change", "contract", "breaking", "A change the classifier does not understand", "A change no rule understands may break someone, so it must be looked at: breaking by default, to be safe. Review it, then lower its severity in a reviewed ignore entry or a changeset."),
];
