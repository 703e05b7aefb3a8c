import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "../src/core/redact.js";
import { SECRET_RULES } from "../src/core/redact-rules.js";
import * as data from "../src/core/redact-rules.data.js";
import { GITLEAKS_FIXTURE, gitleaksRule, gitleaksSecretArbitrary } from "./helpers/gitleaks-rules.js";
import { GENERATED_GITLEAKS_RULES, gitleaksFormArbitrary, inMessage } from "./helpers/secret-corpus.js";

const fixtureIds = GITLEAKS_FIXTURE.rules.map((r) => r.id).sort();
const ourIds = SECRET_RULES.map(([id]) => id);

describe("the coverage table holds every gitleaks default rule (fixture: its source below)", () => {
  it("the data and the fixture come from the same gitleaks commit", () => {
    expect(GITLEAKS_FIXTURE.source).toMatchObject({
      repository: data.GITLEAKS_SOURCE.repository,
      path: data.GITLEAKS_SOURCE.path,
      commit: data.GITLEAKS_SOURCE.commit,
      describe: data.GITLEAKS_SOURCE.version,
    });
    expect(fixtureIds.length).toBe(222);
  });

  it("every rule id is answered exactly once: covered, keyword context or not covered", () => {
    const answered = [
      ...Object.keys(data.GITLEAKS_COVERED),
      ...data.GITLEAKS_KEYWORD_CONTEXT,
      ...Object.keys(data.GITLEAKS_NOT_COVERED),
    ].sort();
    expect(answered).toEqual(fixtureIds);
    expect(new Set(answered).size).toBe(answered.length);
  });

  it("a covered rule names a pattern that exists; a partial note is about a covered rule", () => {
    for (const [id, ours] of Object.entries(data.GITLEAKS_COVERED)) expect(ourIds, id).toContain(ours);
    for (const id of Object.keys(data.GITLEAKS_PARTIAL)) expect(Object.keys(data.GITLEAKS_COVERED)).toContain(id);
  });

  it("every pattern of ours covers a gitleaks rule or says what it is for, and ids are unique", () => {
    const used = new Set(Object.values(data.GITLEAKS_COVERED));
    for (const id of ourIds) expect(used.has(id) || id in data.OWN_RULES, id).toBe(true);
    for (const id of Object.keys(data.OWN_RULES)) expect(ourIds).toContain(id);
    expect(new Set(ourIds).size).toBe(ourIds.length);
  });

  it("the keyword-context rules are those gitleaks only reports next to a keyword", () => {
    // Their pattern opens with gitleaks' keyword prefix ([\w.-]{0,50}? then the product's name).
    for (const id of data.GITLEAKS_KEYWORD_CONTEXT)
      expect(gitleaksRule(id).regex, id).toMatch(/^(?:\(\?i\))?\[\\w\.-\]\{0,50\}\?/);
  });
});

describe("each covered rule's secrets, generated from gitleaks' own pattern, are masked", () => {
  it.each(GENERATED_GITLEAKS_RULES.map(([id, ours]) => ({ id, ours })))("$id (by $ours)", ({ id, ours }) => {
    // Each sample is cut from a match of gitleaks' own pattern (independent of ours).
    fc.assert(
      fc.property(inMessage(gitleaksFormArbitrary(id, ours)), ({ secrets, text }) => {
        const out = redactSecrets(text);
        expect(out).toContain(REDACTED);
        for (const secret of secrets) expect(out).not.toContain(secret);
      }),
      { seed: 21, numRuns: 25 },
    );
  });
});

describe("a keyword-context rule's value is masked when its key names a secret (the README's claim)", () => {
  // The product's name as gitleaks' keyword, in a key that also says what the value is.
  const keyOf = (id: string): string =>
    gitleaksRule(id).keywords?.find((k) => /^[\w.-]+$/.test(k)) ?? id.split("-")[0] ?? id;
  it.each(data.GITLEAKS_KEYWORD_CONTEXT.map((id) => ({ id })))("$id", ({ id }) => {
    const key = keyOf(id);
    const pairs = [
      (v: string) => `${key.toUpperCase()}_API_KEY=${v}`,
      (v: string) => `{"${key}Token": "${v}"}`,
      (v: string) => `${key}_secret: ${v}`,
    ];
    fc.assert(
      fc.property(gitleaksSecretArbitrary(id, true), fc.constantFrom(...pairs), ({ secret }, pair) => {
        expect(redactSecrets(`upstream failed: ${pair(secret)} (retry later)`)).not.toContain(secret);
      }),
      { seed: 21, numRuns: 10 },
    );
  });
});
