import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { classifyChanges } from "../src/diff.js";
import { NAME_CAP, TEXT_CAP } from "../src/format/escape.js";
import { render } from "../src/format/index.js";
import { codeEntry, type Editable, pair } from "./fixtures.js";
import { checkEveryFormat } from "./oracles.js";
import { reportOf } from "./report-of.js";
import { removeTemplates, runCli, tempRepo } from "./temp-repo.js";

afterAll(() => removeTemplates());

/** Sets an own property, also for `__proto__` (an assignment would set the prototype). */
const put = (obj: object, key: string, value: unknown) =>
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });

const FORGED = "x\n::error file=README.md,line=1::forged\nok: contract check passed";

/** The report of adding one code, as `diff` and as a failing `check`. */
function reportsAdding(code: string, meaning = "Meaning") {
  const { before, after } = pair((s) => s.code.anyOf.push(codeEntry(code, { meaning })));
  return [reportOf("diff", before, after), reportOf("check", before, after, { requested: "patch" })];
}

describe("log and CI command injection through the text, junit and markdown formats (issue 23 item 2)", () => {
  it("text: a code name holding newlines and ::error prints one line per change, none a workflow command", () => {
    for (const report of reportsAdding(FORGED)) {
      const out = render(report, "text");
      expect(out.split("\n").filter((l) => l.trim().startsWith("::"))).toEqual([]);
      expect(out.split("\n").filter((l) => l.startsWith("ok:"))).toEqual([]);
      expect(out).toContain('code "x\\n::error file=README.md,line=1::forged\\nok: contract check passed" added');
      checkEveryFormat(report);
    }
  });

  it("text: ANSI escapes, carriage returns, C1 controls, bidi overrides and line separators are shown as escapes", () => {
    const [report] = reportsAdding("a\u001b[32mOK\r\u009b2J\u202eb\u2028c\u0085d");
    const out = render(report as never, "text");
    expect(out).toContain('"a\\u001b[32mOK\\r\\u009b2J\\u202eb\\u2028c\\u0085d"');
    expect(out).not.toMatch(/[\u001b\r\u009b\u202e\u2028\u0085]/);
  });

  it("junit: a client-impact line starting with the code name cannot start a log line with ::", () => {
    // A non-retryable code at 409: clients retry it, so the report carries an impact line led by the code name.
    const { before, after } = pair((s) => s.code.anyOf.push(codeEntry("::error::forged", { status: 409 })));
    const out = render(reportOf("diff", before, after), "junit");
    expect(out).toContain("clients: ::error::forged");
    expect(out.split("\n").filter((l) => l.trim().startsWith("::"))).toEqual([]);
  });

  it("long names are capped: a 10,000-character code name prints no line over two texts and two names long", () => {
    const longest = 2 * TEXT_CAP + 2 * NAME_CAP + 300;
    for (const report of reportsAdding("n".repeat(10_000)))
      for (const format of ["text", "github", "junit", "markdown"] as const)
        for (const line of render(report, format).split("\n")) expect(line.length).toBeLessThan(longest);
  });
});

describe("Markdown and XML injection (issue 23 item 3)", () => {
  const md = new MarkdownIt({ html: true, linkify: true });
  const tokens = (out: string) => md.parse(out, {}).flatMap((t) => [t, ...(t.children ?? [])]);

  it("markdown: a code name cannot leave its backtick span, and texts carry no HTML, links or images", () => {
    const name = "a` <img src=https://evil.example/beacon.png> `b";
    const meaning = "<b>ok</b> [contract check passed](https://evil.example) ![x](https://evil.example/x.png)";
    const { before, after } = pair((s) => {
      s.code.anyOf.push(codeEntry(name, { meaning }));
      s.code.anyOf[0]["x-error"].meaning = meaning;
    });
    const out = render(reportOf("diff", before, after), "markdown");
    const types = tokens(out).map((t) => t.type);
    expect(types.filter((t) => /^html_|^image$/.test(t))).toEqual([]);
    const links = tokens(out).filter((t) => t.type === "link_open");
    expect(links.map((t) => t.attrGet("href"))).toEqual([
      expect.stringMatching(/^schemas\/error-code\.schema\.json#L\d+$/),
      expect.stringMatching(/^schemas\/error-code\.schema\.json#L\d+$/),
    ]);
    expect(tokens(out).filter((t) => t.type === "code_inline" && t.content === name)).toHaveLength(1);
  });

  it("markdown: a | in a name or text keeps every table row at five cells", () => {
    const { before, after } = pair((s) => s.code.anyOf.push(codeEntry("a|b\\|c", { meaning: "x | y" })));
    const parsed = md.parse(render(reportOf("diff", before, after), "markdown"), {});
    const rows = parsed.filter((t) => t.type === "tr_open").length;
    expect(parsed.filter((t) => t.type === "td_open" || t.type === "th_open")).toHaveLength(rows * 5);
  });

  it("junit: U+FFFE, U+FFFF, a lone surrogate and controls still give well-formed XML 1.0", () => {
    for (const report of reportsAdding("x\ufffe\uffff\ud800\u0001<y>&", "m\udc00\ufffe")) checkEveryFormat(report);
  });
});

describe("keys named like Object.prototype members (issue 23 item 4)", () => {
  const NAMES = ["toString", "constructor", "hasOwnProperty", "__proto__", "valueOf"];

  it.each(NAMES)("a key %s added, changed and removed is reported as such, never as a crash or a {} value", (key) => {
    const message = (edit: (s: Editable) => void) =>
      classifyChanges(pair(edit).before, pair(edit).after).map((c) => `${c.rule}: ${c.message}`);
    expect(message((s) => put(s.code.anyOf[0]["x-error"], key, "v"))).toEqual([
      `unknown-change: code "invalid_request" metadata: "${key}" added: "v" (not a change the classifier knows; major to be safe, review it)`,
    ]);
    expect(message((s) => put(s.envelope, key, 1))).toEqual([
      `unknown-change: ErrorEnvelope: "${key}" added: 1 (not a change the classifier knows; major to be safe, review it)`,
    ]);
    const removed = pair((s) => put(s.envelope, key, 1));
    expect(classifyChanges(removed.after, removed.before).map((c) => c.message)).toEqual([
      `ErrorEnvelope: "${key}" removed (was 1) (not a change the classifier knows; major to be safe, review it)`,
    ]);
    const changed = pair((s) => put(s.envelope, key, 1));
    put(changed.before.envelope, key, 2);
    expect(classifyChanges(changed.before, changed.after).map((c) => c.message)).toEqual([
      `ErrorEnvelope: "${key}" changed: 2 -> 1 (not a change the classifier knows; major to be safe, review it)`,
    ]);
    checkEveryFormat(reportOf("diff", removed.before, removed.after));
  });

  it("the CLI reports them with exit 0 (diff) and 1 (check without a changeset), not exit 2", async () => {
    const repo = tempRepo();
    try {
      repo.editSchema("error-code.schema.json", (s) => {
        for (const key of NAMES) put(s.anyOf[0]["x-error"], key, "v");
        s.anyOf.push(codeEntry("toString"));
      });
      const diff = await runCli(["diff"], repo.root);
      expect(diff.stderr).toBe("");
      expect(diff.code).toBe(0);
      for (const key of NAMES) expect(diff.stdout).toContain(`"${key}" added: "v"`);
      expect(diff.stdout).toContain('code "toString" added');
      const check = await runCli(["check"], repo.root);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain("FAILED: ");
    } finally {
      repo.remove();
    }
  });
});
