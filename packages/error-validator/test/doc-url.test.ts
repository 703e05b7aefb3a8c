import { describe, expect, it } from "vitest";
import { parseErrorEnvelope, validateErrorEnvelope } from "../src/index.js";
import { answers } from "./entry-points.js";
import { envelopeFor } from "./envelopes.js";

const withUrl = (doc_url: unknown) => envelopeFor("bad_response", { doc_url });

describe("strict doc_url: an http(s) URL of printable ASCII, at most 2,048 characters", () => {
  it.each([
    "https://contract.org.example/error-contract/errors#bad_response",
    "http://x",
    `https://${"a".repeat(2040)}`,
  ])("accepts %s on every path", (url) => {
    expect(answers(withUrl(url), "strict")).toEqual({ validate: true, guard: true, assert: true, standard: true });
  });

  // given: a doc_url outside the pattern; want: a pattern issue quoting it, safe for a log line
  it.each(["ftp://x", "https://", "https://a b", "https://a\n", "https://é", "javascript:alert(1)", " https://x"])(
    "rejects %j with a pattern issue",
    (url) => {
      expect(answers(withUrl(url), "strict")).toEqual({
        validate: false,
        guard: false,
        assert: false,
        standard: false,
      });
      const result = validateErrorEnvelope(withUrl(url), { mode: "strict" });
      expect(result).toMatchObject({ ok: false, issues: [{ path: "/error/doc_url", keyword: "pattern" }] });
      if (!result.ok)
        expect(result.issues[0]?.message).toMatch(/^\/error\/doc_url must match "\^https\?:\/\/\[!-~\]\+\$", got "/);
    },
  );

  it("2,049 characters is a maxLength issue, checked before the pattern", () => {
    const result = parseErrorEnvelope(JSON.stringify(withUrl(`https://${"a".repeat(2041)}`)), { mode: "strict" });
    expect(result).toMatchObject({ ok: false, issues: [{ path: "/error/doc_url", keyword: "maxLength" }] });
  });

  it("lenient takes any string or null, as before", () => {
    expect(validateErrorEnvelope(withUrl("ftp://x")).ok).toBe(true);
    expect(validateErrorEnvelope(withUrl(null)).ok).toBe(true);
  });
});
