import { describe, expect, it } from "vitest";
import { ApiError, parseErrorBody } from "../src/index.js";

// Well-formed text: a lone surrogate becomes U+FFFD; a surrogate pair is one character and stays.
describe("lone surrogates in messages and HTML entities", () => {
  it.each([
    { name: "a pair", given: "a😀b", want: "a😀b" },
    { name: "a lone high surrogate", given: "a\ud800b", want: "a\ufffdb" },
    { name: "a lone low surrogate", given: "a\udc00b", want: "a\ufffdb" },
    { name: "a lone high surrogate before a pair", given: "\ud800😀", want: "\ufffd😀" },
    { name: "a pair after a lone low surrogate", given: "\udc00😀", want: "\ufffd😀" },
    { name: "two high surrogates then a low one", given: "\ud800\ud83d\ude00", want: "\ufffd😀" },
    { name: "reversed halves", given: "\ude00\ud83d", want: "\ufffd\ufffd" },
  ])("a message with $name", ({ given, want }) => {
    expect(new ApiError({ detail: given }).detail).toBe(want);
  });

  it("the two halves of a pair as separate entities stay two replacement characters", () => {
    const error = parseErrorBody({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<title>&#xD83D;&#xDE00; Bad Gateway</title>",
    });
    expect(error.detail).toBe("\ufffd\ufffd Bad Gateway");
  });
});
