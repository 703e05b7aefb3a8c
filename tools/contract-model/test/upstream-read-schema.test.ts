import { describe, it } from "vitest";
import type { JsonObject } from "../src/index.js";
import { expectRefusal, type Refusal, rules } from "./upstream-read-helpers.js";

// Each refusal names the file and the JSON Pointer of what is wrong.
const REFUSALS: Refusal[] = [
  [
    "an unknown rule member",
    "openai",
    (d) => void (rules(d)[0]!["extra"] = 1),
    "/rules/0/extra",
    /unknown member "extra"/,
  ],
  [
    "an unknown match member",
    "openai",
    (d) => void ((rules(d)[0]!["match"] as JsonObject)["body"] = "x"),
    "/rules/0/match/body",
    /unknown member/,
  ],
  ["a missing source", "openai", (d) => void delete rules(d)[0]!["source"], "/rules/0/source", /required/],
  [
    "a source that is not https",
    "openai",
    (d) => void (rules(d)[0]!["source"] = "http://example.com/x"),
    "/rules/0/source",
    /pattern/,
  ],
  [
    "a disposition outside the set",
    "openai",
    (d) => void (rules(d)[0]!["disposition"] = "retry"),
    "/rules/0/disposition",
    /must be equal to constant|anyOf/,
  ],
  ["an id outside the grammar", "openai", (d) => void (rules(d)[0]!["id"] = "OpenAI.x"), "/rules/0/id", /pattern/],
  [
    "a message pattern not anchored",
    "openai",
    (d) => void ((rules(d)[0]!["match"] as JsonObject)["message"] = "quota"),
    "/rules/0/match/message",
    /pattern/,
  ],
];

describe("readUpstreamMappings: what the mapping schema refuses", () => {
  it.each(REFUSALS)("refuses %s, naming the file and the pointer", (_name, provider, edit, pointer, says) =>
    expectRefusal(provider, edit, pointer, says),
  );
});
