import type { Severity } from "../src/rules/index.js";
import type { Editable } from "./fixtures.js";

/** One minimal edit of the fixture's dialects and the changes it must give: rule, severity, subject, message fragment. */
export interface DialectCase {
  given: string;
  edit: (s: Editable) => void;
  want: Array<[string, Severity, string, string]>;
}

const dialect = (s: Editable, name: string) => s.envelope["x-dialects"].dialects[name];

/** A rule per kind of dialect change with client impact, and the ones without. */
export const DIALECT_CASES: DialectCase[] = [
  {
    given: "a dialect added",
    edit: (s) => (s.envelope["x-dialects"].dialects.mistral = { ...dialect(s, "openai"), title: "Mistral" }),
    want: [["dialect-added", "warning", "mistral", 'dialect mistral added ("Mistral")']],
  },
  {
    given: "a dialect removed",
    edit: (s) => delete s.envelope["x-dialects"].dialects.gemini,
    want: [["dialect-removed", "breaking", "gemini", "dialect gemini removed"]],
  },
  {
    given: "a surface type renamed (anthropic: upstream_error api_error -> server_error)",
    edit: (s) => (dialect(s, "anthropic").types.upstream_error = "server_error"),
    want: [
      [
        "dialect-type-map-changed",
        "breaking",
        "anthropic/types/upstream_error",
        'dialect anthropic: types upstream_error "api_error" -> "server_error"',
      ],
    ],
  },
  {
    given: "a status name dropped (anthropic 503 is api_error again, not overloaded_error)",
    edit: (s) => delete dialect(s, "anthropic").statusTypes["503"],
    want: [["dialect-type-map-changed", "breaking", "anthropic/statusTypes/503", '"overloaded_error" -> (absent)']],
  },
  {
    given: "a status name added (gemini 502 becomes INTERNAL)",
    edit: (s) => (dialect(s, "gemini").statusTypes["502"] = "INTERNAL"),
    want: [["dialect-type-map-changed", "breaking", "gemini/statusTypes/502", '(absent) -> "INTERNAL"']],
  },
  {
    given: "a name for a new contract type",
    edit: (s) => (dialect(s, "gemini").types.quota_error = "RESOURCE_EXHAUSTED"),
    want: [["dialect-type-name-added", "warning", "gemini/types/quota_error", '(absent) -> "RESOURCE_EXHAUSTED"']],
  },
  {
    given: "a member moved (anthropic code out of error.details.error_code)",
    edit: (s) => (dialect(s, "anthropic").members.code = "/error/code"),
    want: [
      ["dialect-member-moved", "breaking", "anthropic/members/code", '"/error/details/error_code" -> "/error/code"'],
    ],
  },
  {
    given: "a constant changed (gemini ErrorInfo domain)",
    edit: (s) => (dialect(s, "gemini").constants["/error/details/0/domain"] = "errors.example"),
    want: [["dialect-member-moved", "breaking", "gemini/constants//error/details/0/domain", '-> "errors.example"']],
  },
  {
    given: "what a codeless error writes changed",
    edit: (s) => (dialect(s, "anthropic").codeless = "null"),
    want: [["dialect-member-moved", "breaking", "anthropic/codeless", '"omit" -> "null"']],
  },
  {
    given: "a spread of a member already placed (its parts move)",
    edit: (s) => (dialect(s, "anthropic").spread.upstream = "upstream_"),
    want: [["dialect-member-moved", "breaking", "anthropic/spread/upstream", '(absent) -> "upstream_"']],
  },
  {
    given: "a place for a new envelope member, spread (one change: the member added)",
    edit: (s) => {
      dialect(s, "gemini").members.retry = "/error/details/0/metadata";
      dialect(s, "gemini").spread.retry = "retry_";
    },
    want: [["dialect-member-added", "warning", "gemini/members/retry", '(absent) -> "/error/details/0/metadata"']],
  },
  {
    given: "the request id no longer in request-id (anthropic)",
    edit: (s) => (dialect(s, "anthropic").requestIdHeaders = ["x-request-id"]),
    want: [
      [
        "dialect-request-id-header-removed",
        "breaking",
        "anthropic/requestIdHeaders",
        "no longer sends the request id in request-id",
      ],
    ],
  },
  {
    given: "the request id in one more header (gemini x-goog-request-id)",
    edit: (s) => dialect(s, "gemini").requestIdHeaders.push("x-goog-request-id"),
    want: [["dialect-request-id-header-added", "warning", "gemini/requestIdHeaders", "in x-goog-request-id too"]],
  },
  {
    given: "the stream error event renamed (anthropic: error -> unnamed)",
    edit: (s) => (dialect(s, "anthropic").sse.event = null),
    want: [["dialect-sse-changed", "breaking", "anthropic/sse", "stream error event"]],
  },
  {
    given: "a dialect's title and the dialects' description reworded",
    edit: (s) => {
      dialect(s, "gemini").title = "Google Gemini";
      s.envelope["x-dialects"].description = "How errors look per surface.";
    },
    want: [
      ["text-changed", "info", "gemini/title", "dialect gemini: title reworded"],
      ["text-changed", "info", "dialects", "the dialects' description reworded"],
    ],
  },
  {
    given: "an unknown field in a dialect",
    edit: (s) => (dialect(s, "openai").colour = "green"),
    want: [["unknown-change", "breaking", "openai", '"colour" added']],
  },
];
