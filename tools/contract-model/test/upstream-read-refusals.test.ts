import { describe, it } from "vitest";
import type { JsonObject } from "../src/index.js";
import { expectRefusal, type Refusal, rules } from "./upstream-read-helpers.js";

// Each refusal names the file and the JSON Pointer of what is wrong.
const REFUSALS: Refusal[] = [
  [
    "a message pattern that does not compile",
    "openai",
    (d) => void ((rules(d)[0]!["match"] as JsonObject)["message"] = "^(quota"),
    "/rules/0/match/message",
    /not a regular expression/,
  ],
  [
    "a message pattern with nothing structured beside it",
    "openai",
    (d) => void (rules(d)[0]!["match"] = { message: "^Incorrect API key" }),
    "/rules/0/match/message",
    /the last resort: it needs a status/,
  ],
  [
    "a code outside the catalog",
    "openai",
    (d) => void (rules(d)[0]!["code"] = "upstream_unauthorized"),
    "/rules/0/code",
    /not a code of the catalog/,
  ],
  [
    "a status the code is not sent with",
    "openai",
    (d) => void (rules(d)[0]!["status"] = 401),
    "/rules/0/status",
    /channel:invalid_key" is sent with 502, not 401/,
  ],
  [
    "a null code without a status",
    "openai",
    (d) => void Object.assign(rules(d)[0]!, { code: null, status: undefined }),
    "/rules/0/code",
    /a null code needs a status/,
  ],
  [
    "a null code with a status that needs a code",
    "openai",
    (d) => void Object.assign(rules(d)[0]!, { code: null, status: 403 }),
    "/rules/0/status",
    /may not go without a code/,
  ],
  [
    "an id of another provider",
    "openai",
    (d) => void (rules(d)[0]!["id"] = "anthropic.x"),
    "/rules/0/id",
    /must start with "openai\."/,
  ],
  [
    "an id used twice",
    "openai",
    (d) => void (rules(d)[1]!["id"] = rules(d)[0]!["id"] as string),
    "/rules/1/id",
    /already used at schemas\/upstream\/openai\.json#\/rules\/0/,
  ],
  [
    "a provider that is not the file's name",
    "openai",
    (d) => void (d["provider"] = "open-ai"),
    "/provider",
    /must be the file's name/,
  ],
  [
    "a status range that runs downwards",
    "openai",
    (d) => void ((rules(d)[0]!["match"] as JsonObject)["status"] = [[599, 500]]),
    "/rules/0/match/status/0",
    /runs downwards/,
  ],
  [
    "a transport failure with a status",
    "generic",
    (d) =>
      void (rules(d).find((r) => (r["match"] as JsonObject)["failure"])!["match"] = {
        failure: ["dns"],
        status: [502],
      }),
    "/match/status",
    /cannot go with "failure"/,
  ],
  [
    "a credential rule that answers retryable",
    "openai",
    (d) => void (rules(d)[0]!["code"] = "do_request_failed"),
    "/rules/0/disposition",
    /"credential" needs a non-retryable answer, but do_request_failed with 502 is retryable/,
  ],
  [
    "a rate-limit rule that answers non-retryable",
    "openai",
    (d) =>
      void Object.assign(
        rules(d).find((r) => r["disposition"] === "rate_limit")!,
        { code: null, status: 400 },
      ),
    "/disposition",
    /"rate_limit" needs a retryable answer/,
  ],
  [
    "a rule after a catch-all",
    "generic",
    (d) =>
      void rules(d).splice(rules(d).findIndex((r) => Object.keys(r["match"] as JsonObject).length === 0) + 1, 0, {
        id: "generic.late",
        match: { status: [418] },
        code: null,
        status: 400,
        disposition: "request",
        description: "x",
        source: "https://example.com/",
      }),
    "/rules/",
    /"generic\.late" is never reached: "generic\.other-status" before it/,
  ],
  [
    "a fallback without a rule for a transport failure",
    "generic",
    (d) => {
      const m = rules(d).find((r) => ((r["match"] as JsonObject)["failure"] as string[] | undefined)?.includes("dns"))![
        "match"
      ] as JsonObject;
      m["failure"] = (m["failure"] as string[]).filter((f) => f !== "dns");
    },
    "/rules",
    /needs a rule for the transport failure "dns"/,
  ],
  [
    "a fallback without a catch-all for streams",
    "generic",
    (d) => void (d["rules"] = rules(d).filter((r) => (r["match"] as JsonObject)["in"] !== "stream")),
    "/rules",
    /every error seen in stream/,
  ],
];

describe("readUpstreamMappings: what the reader refuses beyond the schema", () => {
  it.each(REFUSALS)("refuses %s, naming the file and the pointer", (_name, provider, edit, pointer, says) =>
    expectRefusal(provider, edit, pointer, says),
  );
});
