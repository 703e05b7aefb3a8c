import { findRepoRoot, readContract, readSchemaFiles, VOCABULARY } from "@org/contract-model";
import { describe, expect, it } from "vitest";
import { orgClientFallbackStatusRule, SERVER_RETRY_HEADER, statusRuleOf } from "../src/clients/data.js";
import { classifyChanges } from "../src/diff.js";
import { RULES } from "../src/rules/index.js";
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

describe("the @org/error-client rules come from the contract, not a hand copy", () => {
  it("the fallback status rule and the server's retry header are this repository's schemas'", () => {
    const contract = readContract(readSchemaFiles(findRepoRoot(import.meta.url)), { strict: true });
    expect(orgClientFallbackStatusRule()).toEqual(statusRuleOf(contract));
    expect(orgClientFallbackStatusRule()).toEqual({
      statuses: [408, 409, 429],
      ranges: [[500, 599]],
      except: [501, 505],
    });
    expect(SERVER_RETRY_HEADER.header).toBe(contract.names.headers["shouldRetry"]);
  });

  it("statusRuleOf follows the contract's rules: retryable classes become ranges, the lists stay lists", () => {
    const rules = {
      referenceUrl: "https://x.example/errors",
      maxMessageLength: 10,
      maxMessageSchemaLength: 10,
      otherStatusType: "down",
      retryableStatuses: [429],
      nonRetryableStatuses: [503],
      statusClasses: [
        { from: 400, to: 499, type: "bad", retryable: false },
        { from: 500, to: 549, type: "down", retryable: true },
        { from: 550, to: 599, type: "down", retryable: false },
      ],
    };
    expect(statusRuleOf({ rules })).toEqual({ statuses: [429], ranges: [[500, 549]], except: [503] });
  });
});

describe("the vocabulary's diff rule column", () => {
  it("names a rule of the catalogue on every row (a typo would fail only when the fact changes)", () => {
    const ids: ReadonlySet<string> = new Set(RULES.map((r) => r.id));
    const unknown = Object.entries(VOCABULARY).filter(([, fact]) => !ids.has(fact.rule));
    expect(unknown.map(([id, fact]) => `${id}: ${fact.rule}`)).toEqual([]);
  });
});
