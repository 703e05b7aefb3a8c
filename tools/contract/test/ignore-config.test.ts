import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONFIG_FILE, IGNORE_FILE } from "../src/config.js";
import { removeTemplates, runCli, type TempRepo, tempRepo } from "./temp-repo.js";

const CODE = "error-code.schema.json";
afterAll(() => removeTemplates());

describe("reviewed ignores and severity overrides", () => {
  let repo: TempRepo;
  beforeEach(() => {
    repo = tempRepo();
    repo.editSchema(CODE, (s) => (s.anyOf[4]["x-error"].status = 503)); // model_price_error 500 -> 503: code-status-changed
  });
  afterEach(() => repo.remove());
  const ignore = (entries: unknown) => repo.write(IGNORE_FILE, JSON.stringify({ ignore: entries }, null, 2));
  const json = async (...args: string[]) =>
    JSON.parse((await runCli(["diff", "--format", "json", ...args], repo.root)).stdout);

  it("an entry with a reason takes the change out of the bump and reports it as ignored", async () => {
    ignore([
      {
        rule: "code-status-changed",
        subject: "model_price_error",
        reason: "No service sends it yet (reviewed in #99)",
      },
    ]);
    const report = await json();
    expect(report.changes).toEqual([]);
    expect(report.bump).toBe("none");
    expect(report.ignored).toEqual([
      {
        change: expect.objectContaining({ rule: "code-status-changed", subject: "model_price_error" }),
        reason: "No service sends it yet (reviewed in #99)",
      },
    ]);
    const check = await runCli(["check"], repo.root);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain("(1 change(s) accepted by reviewed ignore entries)");
    const text = (await runCli(["diff"], repo.root)).stdout;
    expect(text).toContain(
      'ignored   code-status-changed model_price_error: code "model_price_error": status changed 500 -> 503 (reason: No service sends it yet (reviewed in #99))',
    );
  });

  it.each([
    { given: "no reason", entry: { rule: "code-status-changed", subject: "model_price_error" } },
    { given: "a blank reason", entry: { rule: "code-status-changed", subject: "model_price_error", reason: "  " } },
  ])("an entry with $given is an error (exit 2), naming the entry", async ({ entry }) => {
    ignore([entry]);
    const r = await runCli(["diff"], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `${IGNORE_FILE}: ignore[0] (code-status-changed model_price_error): "reason" is mandatory`,
    );
  });

  it("an unknown rule id or a missing subject is an error too", async () => {
    ignore([{ rule: "code-gone", subject: "x", reason: "r" }]);
    expect((await runCli(["diff"], repo.root)).stderr).toContain('"rule" "code-gone" is not a rule id');
    ignore([{ rule: "code-added", reason: "r" }]);
    expect((await runCli(["diff"], repo.root)).stderr).toContain(
      '"subject" must name the code, type, member or status',
    );
  });

  it("an entry that matches nothing is reported as stale (text, json, github)", async () => {
    ignore([
      { rule: "code-status-changed", subject: "model_price_error", reason: "reviewed" },
      { rule: "code-removed", subject: "access_denied", reason: "was removed in 2.0" },
    ]);
    expect((await json()).stale).toEqual([
      { rule: "code-removed", subject: "access_denied", reason: "was removed in 2.0", file: IGNORE_FILE },
    ]);
    expect((await runCli(["diff"], repo.root)).stdout).toContain(
      `stale ignore entry in ${IGNORE_FILE}: code-removed "access_denied" matches no change: remove it`,
    );
    expect((await runCli(["diff", "--format", "github"], repo.root)).stdout).toContain(
      `::warning file=${IGNORE_FILE},title=stale contract ignore::code-removed "access_denied" matches no change`,
    );
  });

  it("a severity override changes the severity, the bump and the gate", async () => {
    repo.write(CONFIG_FILE, JSON.stringify({ severity: { "code-status-changed": "warning" } }));
    const report = await json();
    expect(report.changes[0]).toMatchObject({ rule: "code-status-changed", severity: "warning", bump: "minor" });
    repo.write(".changeset/x.md", '---\n"@org/error-types": minor\n---\n\nx\n');
    expect((await runCli(["check"], repo.root)).code).toBe(0);
  });

  it("a client-impact warning stays when the status rule is lowered to info", async () => {
    repo.editSchema(CODE, (s) => (s.anyOf[0]["x-error"].status = 409)); // invalid_request 400 -> 409: the AI SDK starts retrying it
    repo.write(CONFIG_FILE, JSON.stringify({ severity: { "code-status-changed": "info" } }));
    const report = await json();
    expect(report.changes.map((c: { rule: string; severity: string }) => [c.rule, c.severity])).toEqual([
      ["code-status-changed", "info"],
      ["client-retry-changed", "warning"],
      ["code-status-changed", "info"],
    ]);
    expect(report.bump).toBe("minor");
  });

  it("an added code that a listed client retries against the catalog stays a warning when code-added is lowered to info", async () => {
    repo.editSchema(CODE, (s) =>
      s.anyOf.push({
        const: "conflict",
        "x-error": {
          status: 409,
          type: "invalid_request_error",
          meaning: "Conflict",
          action: "Adjust",
          retryable: false,
        },
      }),
    );
    repo.write(CONFIG_FILE, JSON.stringify({ severity: { "code-added": "info", "code-status-changed": "info" } }));
    const report = await json();
    expect(
      report.changes.map((c: { rule: string; subject: string; severity: string }) => [c.rule, c.subject, c.severity]),
    ).toEqual([
      ["code-added", "conflict", "warning"],
      ["code-status-changed", "model_price_error", "info"],
    ]);
    expect(report.changes[0].impact).toEqual([
      "conflict (new, status 409): the Vercel AI SDK will retry it although the catalog says it must not be retried",
    ]);
  });

  it("a config naming an unknown rule or severity is an error", async () => {
    repo.write(CONFIG_FILE, JSON.stringify({ severity: { "no-such-rule": "info" } }));
    expect((await runCli(["diff"], repo.root)).stderr).toContain('"no-such-rule" is not a rule id');
    repo.write(CONFIG_FILE, JSON.stringify({ severity: { "code-added": "major" } }));
    expect((await runCli(["diff"], repo.root)).stderr).toContain(
      'severity of "code-added" must be "breaking", "warning" or "info", not "major"',
    );
  });
});
