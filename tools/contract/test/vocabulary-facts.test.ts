import { describe, expect, it } from "vitest";
import { classifyChanges } from "../src/diff.js";
import { type Editable, pair } from "./fixtures.js";

const settings = (s: Editable) => s.envelope["x-contract"];
const withHeaders = (s: Editable) =>
  void (settings(s).headers = { shouldRetry: "x-should-retry", errorCode: "x-error-code", requestId: "x-request-id" });
const changes = (edit: (s: Editable) => void, base: (s: Editable) => void = () => undefined) => {
  const { after: was } = pair(base);
  const { after: now } = pair((s) => {
    base(s);
    edit(s);
  });
  return classifyChanges(was, now).map((c) => [c.rule, c.severity, c.subject, c.pointer, c.message]);
};

/** The contract-wide facts of the vocabulary table without a rule of their own are diffed under the rule their row names. */
describe("contract-wide facts of the vocabulary (header names, media type, name grammars)", () => {
  it("a header name stated for the first time: contract-fact-stated, at its pointer", () => {
    const got = changes((s) => void (settings(s).headers = { shouldRetry: "x-should-retry" }));
    expect(got).toEqual([
      [
        "contract-fact-stated",
        "warning",
        "headers/shouldRetry",
        "/x-contract/headers/shouldRetry",
        'headers/shouldRetry changed (absent) -> "x-should-retry"',
      ],
    ]);
  });

  it("a header renamed: the row's rule (breaking: clients read the old name)", () => {
    const got = changes((s) => void (settings(s).headers.errorCode = "x-gateway-error-code"), withHeaders);
    expect(got).toEqual([
      [
        "unknown-change",
        "breaking",
        "headers/errorCode",
        "/x-contract/headers/errorCode",
        'headers/errorCode changed "x-error-code" -> "x-gateway-error-code"',
      ],
    ]);
  });

  it("a header no longer stated: contract-fact-removed", () => {
    const got = changes((s) => void delete settings(s).headers.requestId, withHeaders);
    expect(got.map(([rule, , subject]) => [rule, subject])).toEqual([["contract-fact-removed", "headers/requestId"]]);
  });

  it("the code grammar tightened: reported, not left to the unknown-key catch-all", () => {
    const grammar = (s: Editable) => void (settings(s).codeGrammar = { pattern: "^[a-z_:]+$", maxLength: 64 });
    const got = changes((s) => void (settings(s).codeGrammar.maxLength = 32), grammar);
    expect(got.map(([rule, , subject, pointer]) => [rule, subject, pointer])).toEqual([
      ["unknown-change", "codeGrammar/maxLength", "/x-contract/codeGrammar/maxLength"],
    ]);
  });
});
