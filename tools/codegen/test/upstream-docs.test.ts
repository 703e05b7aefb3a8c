import { readUpstreamFiles, readUpstreamMappings } from "@org/contract-model";
import { describe, expect, it } from "vitest";
import { generateAll } from "../src/generate.js";
import { OUT } from "../src/layout.js";
import { loadContract } from "../src/load.js";
import { parseMarkdown } from "./markdown-parse.js";
import { REPO_ROOT } from "./temp-repo.js";

const files = await generateAll(REPO_ROOT);
const mappings = readUpstreamMappings(readUpstreamFiles(REPO_ROOT), loadContract(REPO_ROOT));
const docs = files.get(OUT.docs) ?? "";
const html = files.get(OUT.reference("errors.html")) ?? "";
const catalog = JSON.parse(files.get(OUT.reference("errors.json")) ?? "{}") as Record<string, any>;
const section = parseMarkdown(docs.slice(docs.indexOf("## Upstream errors")));

describe("the upstream mapping in docs/errors.md, the reference page and errors.json", () => {
  it("one table per provider, generic last: each rule's code, status, disposition and source, in order", () => {
    const [dispositions, ...providers] = section.tables;
    expect(dispositions?.rows.map((r) => r[0])).toEqual(mappings.dispositions.map((d) => d.value));
    expect(providers).toHaveLength(mappings.providers.length);
    mappings.providers.forEach((p, i) => {
      const rows = providers[i]?.rows ?? [];
      expect(rows.map((r) => r[0])).toEqual(p.rules.map((r) => r.id));
      rows.forEach((row, j) => {
        const rule = p.rules[j]!;
        expect(row.slice(2, 5)).toEqual([
          rule.keepUpstream ? "its own (kept)" : (rule.code ?? "null"),
          String(rule.status),
          rule.disposition,
        ]);
        expect(row[5]).toBe(rule.source.replace(/^https:\/\//, "").replace(/^(.{57}).{4,}$/, "$1..."));
      });
      expect(
        [...(providers[i]?.childTypes ?? [])].filter(
          (t) => !["text", "code_inline", "link_open", "link_close"].includes(t),
        ),
      ).toEqual([]);
    });
    expect(mappings.providers.at(-1)?.provider).toBe("generic");
  });

  it("the page links every rule's source and errors.json carries the mapping, statuses resolved", () => {
    expect(html).toContain('<h2 id="upstream">Upstream errors</h2>');
    for (const p of mappings.providers)
      for (const r of p.rules) expect(html).toContain(`<a href="${r.source.replace(/&/g, "&amp;")}">`);
    const upstream = catalog["upstream"] as {
      providers: Array<{ provider: string; rules: Array<{ id: string; status: number; keep_upstream: boolean }> }>;
    };
    expect(upstream.providers.map((p) => p.provider)).toEqual(mappings.providers.map((p) => p.provider));
    const flat = (xs: typeof upstream.providers) =>
      xs.flatMap((p) => p.rules.map((r) => [r.id, r.status, r.keep_upstream]));
    expect(flat(upstream.providers)).toEqual(
      mappings.providers.flatMap((p) => p.rules.map((r) => [r.id, r.status, r.keepUpstream === true])),
    );
  });
});
