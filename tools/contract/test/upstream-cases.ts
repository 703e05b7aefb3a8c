import type { Severity } from "../src/rules/index.js";
import type { Editable } from "./fixtures.js";

/** One minimal edit of the fixture's upstream mapping and the changes it must give: rule, severity, subject, message fragment. */
export interface UpstreamCase {
  given: string;
  edit: (s: Editable) => void;
  want: Array<[string, Severity, string, string]>;
}

const FILE = "upstream/openai.json";
const openai = (s: Editable) => s.upstream.get(FILE);
const rule = (s: Editable, id: string) => openai(s).rules.find((r: { id: string }) => r.id === id);

/** A rule per kind of mapping change with client impact, and the ones without. */
export const UPSTREAM_CASES: UpstreamCase[] = [
  {
    given: "a provider's mapping added",
    edit: (s) => s.upstream.set("upstream/groq.json", { ...openai(s), provider: "groq", title: "Groq", rules: [] }),
    want: [["upstream-provider-added", "warning", "groq", 'provider groq added ("Groq")']],
  },
  {
    given: "a provider's mapping removed",
    edit: (s) => s.upstream.delete(FILE),
    want: [["upstream-provider-removed", "breaking", "openai", "its failures fall to the fallback"]],
  },
  {
    given: "a rule added",
    edit: (s) =>
      openai(s).rules.push({ ...rule(s, "openai.server"), id: "openai.overloaded", match: { status: [529] } }),
    want: [
      ["upstream-rule-added", "warning", "openai.overloaded", 'rule openai.overloaded added ("do_request_failed")'],
    ],
  },
  {
    given: "a rule removed",
    edit: (s) => openai(s).rules.splice(0, 1),
    want: [["upstream-rule-removed", "breaking", "openai.invalid-key", "rule openai.invalid-key removed"]],
  },
  {
    given: "an upstream 429 now answered non-retryable (codeless 429 -> channel:invalid_key 502)",
    edit: (s) => Object.assign(rule(s, "openai.rate-limit"), { code: "channel:invalid_key", status: 502 }),
    want: [
      [
        "upstream-rule-retryability-changed",
        "breaking",
        "openai.rate-limit",
        'answer null 429 (retryable) -> "channel:invalid_key" 502 (not retryable)',
      ],
    ],
  },
  {
    given: "an answer's code changed, retryability kept (channel:invalid_key 502 -> access_denied 403)",
    edit: (s) => Object.assign(rule(s, "openai.invalid-key"), { code: "access_denied" }),
    want: [
      ["upstream-rule-answer-changed", "breaking", "openai.invalid-key", '-> "access_denied" 403 (not retryable)'],
    ],
  },
  {
    given: "what a rule matches changed",
    edit: (s) => (rule(s, "openai.server").match = { status: [500, 503] }),
    want: [["upstream-rule-match-changed", "warning", "openai.server", "matches"]],
  },
  {
    given: "the rules reordered (the first match wins)",
    edit: (s) => openai(s).rules.reverse(),
    want: [["upstream-rule-match-changed", "warning", "openai", "the order of the rules changed"]],
  },
  {
    given: "a disposition changed",
    edit: (s) => (rule(s, "openai.server").disposition = "overloaded"),
    want: [["upstream-rule-disposition-changed", "warning", "openai.server", '"transient" -> "overloaded"']],
  },
  {
    given: "the provider's request-id headers changed",
    edit: (s) => (openai(s).requestIdHeaders = ["openai-request-id"]),
    want: [["upstream-provider-headers-changed", "warning", "openai", "requestIdHeaders"]],
  },
  {
    given: "a rule's source reworded",
    edit: (s) => (rule(s, "openai.server").source = "https://status.openai.com"),
    want: [["text-changed", "info", "openai.server", "rule openai.server: source reworded"]],
  },
];
