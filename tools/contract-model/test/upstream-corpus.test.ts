import { describe, expect, it } from "vitest";
import {
  codelessRetryable,
  createStrictAjv,
  findRepoRoot,
  readContract,
  readSchemaFiles,
  readUpstreamFiles,
  readUpstreamMappings,
} from "../src/index.js";
import { CORPUS_DIR, readCorpus, readCorpusSchema, seenOf } from "./upstream-corpus.js";
import { firstMatch } from "./upstream-match.js";

const ROOT = findRepoRoot(import.meta.url);
const CONTRACT = readContract(readSchemaFiles(ROOT), { strict: true });
const MAPPINGS = readUpstreamMappings(readUpstreamFiles(ROOT), CONTRACT);
const CORPUS = readCorpus(ROOT);
const byProvider = new Map(MAPPINGS.providers.map((p) => [p.provider, p]));
const fallback = byProvider.get("generic")!;
const rules = new Map(MAPPINGS.providers.flatMap((p) => p.rules.map((r) => [r.id, r] as const)));

describe(`the upstream corpus (${CORPUS_DIR})`, () => {
  const validate = createStrictAjv().compile(readCorpusSchema(ROOT));

  it("holds at least 80 cases, from every mapped provider, plain, in 2xx bodies, in streams and transport failures", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(80);
    for (const provider of byProvider.keys())
      expect(CORPUS.filter((c) => c.folder === provider).length, provider).toBeGreaterThanOrEqual(3);
    const kinds = new Set(CORPUS.map(({ doc }) => (doc.failure ? "failure" : seenOf(doc).in)));
    expect([...kinds].sort()).toEqual(["body", "failure", "stream", "success"]);
    expect(new Set(CORPUS.flatMap(({ doc }) => (doc.failure ? [doc.failure.kind] : [])))).toEqual(
      new Set(MAPPINGS.failures.map((f) => f.value)),
    );
  });

  it.each(CORPUS.map((c) => [c.file, c] as const))("%s is well-formed and cites an https source", (_f, c) => {
    expect(validate(c.doc), JSON.stringify(validate.errors)).toBe(true);
    expect(c.doc.source).toMatch(/^https:\/\/[!-~]+$/);
    expect(c.doc.provider).toBe(c.folder);
    expect(byProvider.has(c.doc.provider)).toBe(true);
    expect(c.doc.expect.upstream.provider).toBe(c.doc.provider);
    if (c.doc.failure) expect(MAPPINGS.failures.map((f) => f.value)).toContain(c.doc.failure.kind);
  });

  it.each(CORPUS.map((c) => [c.file, c] as const))("%s: the named rule is the first that matches", (_f, c) => {
    const mapping = byProvider.get(c.doc.provider)!;
    const seen = seenOf(c.doc);
    const rule = firstMatch(mapping.rules, seen) ?? firstMatch(fallback.rules, seen);
    expect(rule?.id).toBe(c.doc.expect.rule);
  });

  it.each(CORPUS.map((c) => [c.file, c] as const))(
    "%s: the expected answer is the rule's, legal in the contract",
    (_f, c) => {
      const { expect: want, response } = c.doc;
      const rule = rules.get(want.rule)!;
      expect(want.disposition).toBe(rule.disposition);
      const entry = CONTRACT.codes.find((e) => e.code === want.code);
      if (want.code === null) expect(CONTRACT.statuses.find((s) => s.status === want.status)?.codeless).toBe(true);
      else expect([entry?.status, ...(entry?.otherStatuses.map((o) => o.status) ?? [])]).toContain(want.status);
      if (!rule.keepUpstream) {
        expect([want.code, want.status]).toEqual([rule.code, rule.status]);
        expect(want.retryable).toBe(entry ? entry.retryable : codelessRetryable(CONTRACT, want.status));
      } else if (response?.headers["x-should-retry"] === "false") expect(want.retryable).toBe(false);
      if (response) {
        expect(want.upstream.status).toBe(response.status);
        const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
        const id = byProvider
          .get(c.doc.provider)!
          .requestIdHeaders.map((h) => headers[h])
          .find((v) => v !== undefined);
        expect(want.upstream.request_id).toBe(id);
      }
    },
  );

  it("names every rule of the mapping that a case can reach at least once per provider file", () => {
    const named = new Set(CORPUS.map((c) => c.doc.expect.rule));
    for (const p of MAPPINGS.providers)
      expect(
        p.rules.some((r) => named.has(r.id)),
        p.provider,
      ).toBe(true);
  });
});
