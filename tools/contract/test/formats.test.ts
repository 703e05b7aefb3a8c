import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createStrictAjv } from "@org/contract-model";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeTemplates, runCli, type TempRepo, tempRepo } from "./temp-repo.js";

const CODE = "error-code.schema.json";
const ENV = "error-envelope.schema.json";
const reportSchema = JSON.parse(readFileSync(new URL("../report.schema.json", import.meta.url), "utf8"));
const validate = createStrictAjv().compile(reportSchema);

afterAll(() => removeTemplates());

/** The line (1-based) of the first line matching `after` that follows the line matching `anchor`: found in the text, not by the tool's scanner. */
function lineAfter(text: string, anchor: string, after: string): number {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.includes(anchor));
  return lines.findIndex((l, i) => i > start && l.includes(after)) + 1;
}

describe("output formats on one edit (model_price_error 500 -> 409, Retry-After on 502)", () => {
  let repo: TempRepo;
  let statusLine: number;
  let retryAfterLine: number;
  beforeEach(() => {
    repo = tempRepo();
    repo.editSchema(CODE, (s) => (s.anyOf[4]["x-error"].status = 409));
    repo.editSchema(
      ENV,
      (s) => (s["x-http-statuses"].find((r: { status: number }) => r.status === 502).retryAfter = true),
    );
    statusLine = lineAfter(
      readFileSync(join(repo.root, "schemas", CODE), "utf8"),
      '"const": "model_price_error"',
      '"status": 409',
    );
    const env = readFileSync(join(repo.root, "schemas", ENV), "utf8");
    retryAfterLine = lineAfter(env.replace(/"status": 502,/, "STATUS502"), "STATUS502", '"retryAfter": true');
  });
  afterEach(() => repo.remove());

  it("json: valid against report.schema.json, with rule, severity, line and client impact", async () => {
    const r = await runCli(["diff", "--format", "json"], repo.root);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.changes).toEqual([
      expect.objectContaining({
        rule: "code-status-changed",
        severity: "breaking",
        path: `schemas/${CODE}`,
        line: statusLine,
        subject: "model_price_error",
        impact: [expect.stringContaining("model_price_error 500 -> 409: ")],
      }),
      expect.objectContaining({
        rule: "retry-after-statuses-changed",
        severity: "warning",
        path: `schemas/${ENV}`,
        line: retryAfterLine,
        subject: "502",
      }),
    ]);
    expect(report.bump).toBe("major");
  });

  it("json: the check report is valid too, and a broken report is not (the schema can fail)", async () => {
    repo.write(".changeset/x.md", '---\n"@org/error-types": minor\n---\n\nx\n');
    const r = await runCli(["check", "--format", "json"], repo.root);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.check).toMatchObject({
      ok: false,
      required: "major",
      requested: "minor",
      forcedBy: { rule: "code-status-changed", subject: "model_price_error" },
    });
    expect(validate({ ...report, changes: [{ ...report.changes[0], line: 0 }] })).toBe(false);
    expect(validate({ ...report, check: { ...report.check, forcedBy: undefined } })).toBe(false);
  });

  it("github: one annotation per change on the edited line, level by severity, then the verdict", async () => {
    const r = await runCli(["diff", "--format", "github"], repo.root);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe(
      `::error file=schemas/${CODE},line=${statusLine},title=code-status-changed (breaking)::code "model_price_error": status changed 500 -> 409%0Aclients: model_price_error 500 -> 409: the Vercel AI SDK still retries it although the catalog says it must not be retried; openai@6 still does not retry it (\`x-should-retry: false\` from @org/error-server wins) but raises \`ConflictError\` instead of \`InternalServerError\``,
    );
    expect(lines[1]).toBe(
      `::warning file=schemas/${ENV},line=${retryAfterLine},title=retry-after-statuses-changed (warning)::HTTP status 502: may now carry Retry-After`,
    );
    expect(lines[2]).toMatch(/^::notice title=contract diff::contract diff against .*: required bump major$/);
    const fail = await runCli(["check", "--format", "github"], repo.root);
    expect(fail.code).toBe(1);
    expect(fail.stdout.split("\n").at(-1)).toMatch(
      /^::error title=contract check failed::.*forced by code-status-changed/,
    );
  });

  it("markdown: a PR summary table, data as escaped text (renders as written)", async () => {
    const r = await runCli(["diff", "--format", "markdown"], repo.root);
    expect(r.stdout).toContain("### Contract diff: needs a **major** release");
    expect(r.stdout).toContain("| severity | rule | subject | change | clients |");
    expect(r.stdout).toContain(
      `| 🔴 breaking | \`code-status-changed\` | \`model_price_error\` | code \\"model\\_price\\_error\\"\\: status changed 500 \\-\\> 409 ([schemas/${CODE}:${statusLine}](schemas/${CODE}#L${statusLine})) | model\\_price\\_error 500 \\-\\> 409\\: the Vercel AI SDK`,
    );
    expect(r.stdout).toContain("| 🟡 warning | `retry-after-statuses-changed` | `502` |");
  });

  it("junit: one test case per change; the breaking one fails in diff; the gate fails in check", async () => {
    const diff = (await runCli(["diff", "--format", "junit"], repo.root)).stdout;
    expect(diff).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="contract diff" tests="2" failures="1">/,
    );
    expect(diff).toContain(
      `<testcase classname="schemas/${CODE}" name="code-status-changed model_price_error"><failure type="breaking" message="code &quot;model_price_error&quot;: status changed 500 -&gt; 409">schemas/${CODE}:${statusLine}`,
    );
    expect(diff).toContain(
      `<testcase classname="schemas/${ENV}" name="retry-after-statuses-changed 502"><system-out>warning`,
    );
    repo.write(".changeset/x.md", '---\n"@org/error-types": major\n---\n\nx\n');
    const ok = await runCli(["check", "--format", "junit"], repo.root);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('tests="3" failures="0"');
    expect(ok.stdout).toContain('<testcase classname="changesets" name="contract check"/>');
  });

  it("text: severity, rule, file:line, message, and the client impact below", async () => {
    const r = await runCli(["diff"], repo.root);
    expect(r.stdout).toContain(
      `  breaking  code-status-changed           schemas/${CODE}:${statusLine}  code "model_price_error": status changed 500 -> 409`,
    );
    expect(r.stdout).toContain("      clients: model_price_error 500 -> 409: the Vercel AI SDK still retries it");
    expect(r.stdout).toMatch(/required bump: major \(forced by code-status-changed on model_price_error\)$/);
  });

  it("rejects an unknown format, exit 2", async () => {
    const r = await runCli(["diff", "--format", "yaml"], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown format: yaml (one of text, json, github, markdown, junit)");
  });
});
