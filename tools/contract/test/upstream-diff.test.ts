import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, type TempRepo, tempRepo } from "./temp-repo.js";

/** The upstream mapping files are compared with the git base's own (contract 1.2). */
describe("contract diff over schemas/upstream/ against a git base", () => {
  let repo: TempRepo;
  beforeEach(() => (repo = tempRepo()));
  afterEach(() => repo.remove());

  const editMapping = (edit: (m: any) => void) => repo.editSchema("upstream/openai.json", edit);

  it("an upstream 429 answered non-retryable: breaking, at the rule's line of the provider's file", async () => {
    editMapping((m) => Object.assign(m.rules[1], { code: "channel:invalid_key", status: 502 }));
    const r = await runCli(["diff", "--format", "json"], repo.root);
    const report = JSON.parse(r.stdout);
    expect(report.changes).toEqual([
      expect.objectContaining({
        rule: "upstream-rule-retryability-changed",
        severity: "breaking",
        subject: "openai.rate-limit",
        path: "schemas/upstream/openai.json",
        pointer: "/rules/1",
      }),
    ]);
    // The line of the rule in the working tree's file: the rule's id follows it.
    const lines = readFileSync(join(repo.root, "schemas/upstream/openai.json"), "utf8").split("\n");
    expect(lines.slice(report.changes[0].line - 1, report.changes[0].line + 1).join("")).toContain("openai.rate-limit");
    expect(report.bump).toBe("major");
  });

  it("a new provider's file: minor; a removed one: breaking", async () => {
    repo.write(
      "schemas/upstream/groq.json",
      JSON.stringify({ provider: "groq", title: "Groq", requestIdHeaders: [], retryAfterHeaders: [], rules: [] }),
    );
    let report = JSON.parse((await runCli(["diff", "--format", "json"], repo.root)).stdout);
    expect(report.changes.map((c: { rule: string }) => c.rule)).toEqual(["upstream-provider-added"]);
    expect(report.bump).toBe("minor");
    repo.git("rm", "-q", "schemas/upstream/openai.json");
    report = JSON.parse((await runCli(["diff", "--format", "json"], repo.root)).stdout);
    expect(report.changes.map((c: { rule: string; subject: string }) => [c.rule, c.subject])).toEqual([
      ["upstream-provider-removed", "openai"],
      ["upstream-provider-added", "groq"],
    ]);
  });
});
