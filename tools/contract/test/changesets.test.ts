import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bumpBetween, maxBump, parseVersion } from "../src/bump.js";
import { parseChangeset, readPendingChangesets, requestedBump } from "../src/changesets.js";
import { judge } from "../src/check.js";
import { DEFAULT_GROUP } from "../src/release-config.js";

describe("parseChangeset", () => {
  it.each([
    {
      given: "double quotes",
      text: '---\n"@org/error-types": minor\n---\n\nAdd a code.\n',
      want: { "@org/error-types": "minor" },
    },
    {
      given: "single quotes and two packages",
      text: "---\n'@org/error-types': patch\n'@org/error-client': major\n---\n",
      want: { "@org/error-types": "patch", "@org/error-client": "major" },
    },
    {
      given: "no quotes, CRLF line ends",
      text: "---\r\n@org/error-server: minor\r\n---\r\nText\r\n",
      want: { "@org/error-server": "minor" },
    },
    { given: "an empty changeset (changeset add --empty)", text: "---\n---\n", want: {} },
    {
      given: "blank lines and comments",
      text: '---\n\n# why\n"@org/error-types": none\n---\n',
      want: { "@org/error-types": "none" },
    },
  ])("reads $given", ({ text, want }) => {
    expect(parseChangeset(text, ".changeset/x.md")).toEqual({ file: ".changeset/x.md", releases: want });
  });

  it.each([
    { given: "no frontmatter", text: "Just text.\n", want: ".changeset/x.md: not a changeset" },
    {
      given: "an unknown bump",
      text: '---\n"@org/error-types": huge\n---\n',
      want: '.changeset/x.md:2: cannot read "\\"@org/error-types\\": huge"',
    },
    {
      given: "a line that is not name: bump",
      text: '---\n"@org/error-types": minor\nhello\n---\n',
      want: ".changeset/x.md:3: cannot read",
    },
  ])("rejects $given, naming the file and line", ({ text, want }) => {
    expect(() => parseChangeset(text, ".changeset/x.md")).toThrow(want);
  });
});

describe("readPendingChangesets and requestedBump", () => {
  it("reads every .md but README.md, and takes the strongest bump of the group", () => {
    const root = mkdtempSync(join(tmpdir(), "contract-changesets-"));
    try {
      mkdirSync(join(root, ".changeset"));
      writeFileSync(join(root, ".changeset/README.md"), "# Changesets\n");
      writeFileSync(join(root, ".changeset/config.json"), "{}");
      writeFileSync(join(root, ".changeset/a.md"), '---\n"@org/error-client": patch\n---\n');
      writeFileSync(join(root, ".changeset/b.md"), '---\n"@org/error-types": minor\n"@org/bench": major\n---\n');
      const pending = readPendingChangesets(root);
      expect(pending.map((c) => c.file)).toEqual([".changeset/a.md", ".changeset/b.md"]);
      // @org/bench is not in the fixed group: its major does not count for the contract.
      expect(requestedBump(pending, DEFAULT_GROUP)).toBe("minor");
      expect(requestedBump(pending, ["@org/error-client"])).toBe("patch");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("finds none when there is no .changeset folder", () => {
    expect(readPendingChangesets(join(tmpdir(), "no-such-folder-contract-tools"))).toEqual([]);
  });
});

describe("versions and bumps", () => {
  it.each([
    { from: "1.0.0", to: "1.0.1", want: "patch" },
    { from: "1.0.0", to: "1.1.0", want: "minor" },
    { from: "1.4.2", to: "2.0.0", want: "major" },
    { from: "1.0.0", to: "1.0.0", want: "none" },
    { from: "1.1.0", to: "1.0.9", want: "none" },
    { from: "1.0.0-next.0", to: "1.0.0", want: "patch" },
  ])("$from -> $to is $want", ({ from, to, want }) => {
    expect(bumpBetween(parseVersion(from)!, parseVersion(to)!)).toBe(want);
  });

  it("rejects what is not a version and orders bumps", () => {
    expect(parseVersion("1.0")).toBeUndefined();
    expect(parseVersion("latest")).toBeUndefined();
    expect(maxBump([])).toBe("none");
    expect(maxBump(["patch", "major", "minor"])).toBe("major");
  });
});

describe("judge: the rule of contract:check", () => {
  it.each([
    {
      given: "no schema change, no changeset",
      required: "none",
      requested: "none",
      applied: "none",
      ok: true,
      reason: "no contract change",
    },
    {
      given: "no schema change, a changeset anyway",
      required: "none",
      requested: "minor",
      applied: "none",
      ok: true,
      reason: "no contract change",
    },
    {
      given: "a change and no changeset",
      required: "minor",
      requested: "none",
      applied: "none",
      ok: false,
      reason: "no changeset for the contract packages is pending",
    },
    {
      given: "a minor change with a patch changeset",
      required: "minor",
      requested: "patch",
      applied: "none",
      ok: false,
      reason: "ask for a patch release (.changeset/a.md) but the schema changes since v1 need minor",
    },
    {
      given: "a major change with a minor changeset",
      required: "major",
      requested: "minor",
      applied: "none",
      ok: false,
      reason: "need major",
    },
    {
      given: "a minor change with a minor changeset",
      required: "minor",
      requested: "minor",
      applied: "none",
      ok: true,
      reason: "need minor; the release asks for minor",
    },
    {
      given: "a patch change with a major changeset",
      required: "patch",
      requested: "major",
      applied: "none",
      ok: true,
      reason: "asks for major",
    },
    {
      given: "a minor change after the version step applied minor",
      required: "minor",
      requested: "none",
      applied: "minor",
      ok: true,
      reason: "asks for minor",
    },
    {
      given: "a major change after the version step applied minor",
      required: "major",
      requested: "none",
      applied: "minor",
      ok: false,
      reason: "need major",
    },
  ] as const)("$given: ok=$ok", ({ required, requested, applied, ok, reason }) => {
    const verdict = judge(required, requested, applied, requested === "none" ? [] : [".changeset/a.md"], "v1");
    expect(verdict.ok).toBe(ok);
    expect(verdict.reason).toContain(reason);
  });
});
