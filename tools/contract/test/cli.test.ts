import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { newCode, removeTemplates, runCli, type TempRepo, tempRepo } from "./temp-repo.js";

const CODE = "error-code.schema.json";
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));

afterAll(() => removeTemplates());

describe("contract diff: choosing the base", () => {
  let repo: TempRepo;
  beforeEach(() => (repo = tempRepo()));
  afterEach(() => repo.remove());

  it("reports no change on a clean tree, exit 0", async () => {
    const r = await runCli(["diff"], repo.root);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("(last version commit, version 1.0.0)");
    expect(r.stdout).toContain("no contract changes");
    expect(r.stdout).toMatch(/required bump: none$/);
  });

  it("compares the working tree (uncommitted edits count), exit 0 even for a major change", async () => {
    repo.editSchema(CODE, (s) => s.anyOf.pop());
    const r = await runCli(["diff"], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /breaking {2}code-removed +schemas\/error-code\.schema\.json:\d+ {2}code "model_price_error" removed/,
    );
    expect(r.stdout).toMatch(/required bump: major \(forced by code-removed on model_price_error\)$/);
  });

  it("defaults to the newest release tag reachable from HEAD, by semver (1.10.0 after 1.2.0)", async () => {
    repo.git("tag", "@org/error-types@1.2.0");
    repo.editSchema(CODE, (s) => s.anyOf.push(newCode("released_code")));
    repo.commit("release 1.10.0");
    repo.git("tag", "-a", "-m", "release", "@org/error-types@1.10.0");
    repo.editSchema(CODE, (s) => s.anyOf.push(newCode("pending_code")));
    repo.commit("after the release");
    const r = await runCli(["diff", "--json"], repo.root);
    const report = JSON.parse(r.stdout);
    expect(report.base).toMatchObject({ ref: "@org/error-types@1.10.0", reason: "last release tag" });
    expect(report.bump).toBe("minor");
    expect(report.changes.map((c: { message: string }) => c.message)).toEqual([
      expect.stringContaining('code "pending_code" added'),
    ]);
  });

  it("without a tag, falls back to the commit that last set the version (not HEAD: committed changes count)", async () => {
    const versioned = repo.git("rev-parse", "HEAD").trim();
    repo.editSchema(CODE, (s) => (s.anyOf[0]["x-error"].status = 422));
    repo.commit("feature work, committed");
    repo.write(
      "packages/error-types/package.json",
      JSON.stringify({ name: "@org/error-types", version: "1.0.0", description: "reworded" }, null, 2),
    );
    repo.commit("a package.json edit that keeps the version");
    const r = await runCli(["diff", "--json"], repo.root);
    const report = JSON.parse(r.stdout);
    expect(report.base).toMatchObject({ commit: versioned, reason: "last version commit", version: "1.0.0" });
    expect(report.changes).toEqual([
      expect.objectContaining({
        rule: "code-status-changed",
        severity: "breaking",
        bump: "major",
        path: `schemas/${CODE}`,
        pointer: "/anyOf/0/x-error/status",
        subject: "invalid_request",
        message: 'code "invalid_request": status changed 400 -> 422',
      }),
    ]);
  });

  it("takes the newest version commit when the version changed twice", async () => {
    repo.write("packages/error-types/package.json", JSON.stringify({ name: "@org/error-types", version: "1.1.0" }));
    repo.commit("version 1.1.0");
    const bumped = repo.git("rev-parse", "HEAD").trim();
    repo.editSchema(CODE, (s) => (s.anyOf[1]["x-error"].meaning = "Denied"));
    repo.commit("reword");
    const report = JSON.parse((await runCli(["diff", "--json"], repo.root)).stdout);
    expect(report.base).toMatchObject({ commit: bumped, version: "1.1.0" });
    expect(report.bump).toBe("patch");
  });

  it("says clearly when there is neither a tag nor a version commit", async () => {
    rmSync(join(repo.root, ".git"), { recursive: true, force: true });
    rmSync(join(repo.root, "packages"), { recursive: true, force: true });
    repo.git("init", "-q", "-b", "main");
    repo.commit("schemas, no package");
    const r = await runCli(["diff"], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'no release to compare with: no @org/error-types@X.Y.Z tag reachable from HEAD and no commit that set "version"',
    );
  });

  it("takes --base when given, in both --base X and --base=X forms", async () => {
    const first = repo.git("rev-parse", "HEAD").trim();
    repo.editSchema(CODE, (s) => s.anyOf.push(newCode("committed_code")));
    repo.commit("add a code");
    for (const args of [["--base", first], [`--base=${first}`]]) {
      const r = await runCli(["diff", ...args, "--json"], repo.root);
      expect(JSON.parse(r.stdout)).toMatchObject({
        base: { ref: first, commit: first, reason: "given with --base" },
        bump: "minor",
      });
    }
  });

  it("finds the root from a sub-folder (pnpm runs the script in tools/contract)", async () => {
    mkdirSync(join(repo.root, "tools/contract"), { recursive: true });
    repo.editSchema(CODE, (s) => s.anyOf.push(newCode("x_code")));
    const r = await runCli(["diff"], join(repo.root, "tools/contract"));
    expect(r.stdout).toMatch(/required bump: minor \(forced by code-added on x_code\)$/);
  });
});

describe("contract diff: errors are clear and exit 2", () => {
  let repo: TempRepo;
  beforeEach(() => (repo = tempRepo()));
  afterEach(() => repo.remove());

  it.each([
    {
      given: "an unknown ref",
      args: ["diff", "--base", "no-such-ref"],
      want: '--base "no-such-ref" is not a commit, branch or tag',
    },
    { given: "an option without its value", args: ["diff", "--base"], want: "--base needs a value" },
    { given: "an unknown argument", args: ["check", "--frobnicate"], want: "unknown argument: --frobnicate" },
    { given: "an unknown command", args: ["publish"], want: "unknown command: publish" },
  ])("$given", async ({ args, want }) => {
    const r = await runCli(args, repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(want);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("a schema that is not JSON in the working tree", async () => {
    repo.write(`schemas/${CODE}`, "{ not json");
    const r = await runCli(["diff"], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`schemas/${CODE} in the working tree is not valid JSON`);
  });

  it("a schema file that did not exist at the base", async () => {
    repo.git("rm", "-q", `schemas/${CODE}`);
    repo.commit("drop it");
    const old = repo.git("rev-parse", "HEAD").trim();
    const r = await runCli(["diff", "--base", old], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`schemas/${CODE} does not exist at ${old}`);
  });

  it("a folder that is not a git repository, and a repository with no commit", async () => {
    const bare = mkdtempSync(join(tmpdir(), "contract-nogit-"));
    try {
      const noGit = await runCli(["diff", "--root", bare], bare);
      expect(noGit.code).toBe(2);
      expect(noGit.stderr).toContain("is not inside a git work tree");
      execFileSync("git", ["init", "-q", "-b", "main"], { cwd: bare });
      const empty = await runCli(["diff", "--root", bare], bare);
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain("no release to compare with");
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});

describe("contract check: the changesets must ask for at least the required bump", () => {
  let repo: TempRepo;
  beforeEach(() => (repo = tempRepo()));
  afterEach(() => repo.remove());
  const addCode = () => repo.editSchema(CODE, (s) => s.anyOf.push(newCode("new_code")));
  const changeset = (name: string, lines: string) =>
    repo.write(`.changeset/${name}.md`, `---\n${lines}\n---\n\nA change.\n`);

  it("passes on a clean tree", async () => {
    const r = await runCli(["check"], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ok: no contract change");
  });

  it("fails when the schema changed and no changeset is pending", async () => {
    addCode();
    const r = await runCli(["check"], repo.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /FAILED: schemas\/ changed since [0-9a-f]{10} and the change needs a minor release \(forced by code-added: code "new_code" added/,
    );
    expect(r.stderr).toContain("but no changeset");
    expect(r.stderr).toContain("pnpm changeset");
  });

  it("fails when the pending changesets ask for less, naming them", async () => {
    addCode();
    changeset("small", '"@org/error-types": patch');
    const r = await runCli(["check"], repo.root);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /ask for a patch release \(\.changeset\/small\.md\) but the schema changes since [0-9a-f]{10} need minor \(forced by code-added: code "new_code" added/,
    );
  });

  it("ignores changesets for packages outside the fixed group", async () => {
    addCode();
    changeset("tools", '"@org/bench": major');
    expect((await runCli(["check"], repo.root)).code).toBe(1);
  });

  it.each([
    { given: "a minor changeset for the types package", lines: '"@org/error-types": minor' },
    { given: "a major changeset for another package of the group", lines: '"@org/error-client": major' },
  ])("passes with $given", async ({ lines }) => {
    addCode();
    changeset("enough", lines);
    const r = await runCli(["check", "--json"], repo.root);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      command: "check",
      check: {
        ok: true,
        required: "minor",
        changesets: [{ file: ".changeset/enough.md" }],
        forcedBy: { rule: "code-added", subject: "new_code" },
      },
    });
  });

  it("passes after the version step consumed the changesets (version 1.0.0 -> 1.1.0)", async () => {
    addCode();
    repo.write("packages/error-types/package.json", JSON.stringify({ name: "@org/error-types", version: "1.1.0" }));
    const r = await runCli(["check"], repo.root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("version step applied: minor (1.0.0 -> 1.1.0)");
  });

  it("exits 2 naming the file and line when a changeset cannot be read", async () => {
    addCode();
    changeset("broken", '"@org/error-types": huge');
    const r = await runCli(["check"], repo.root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".changeset/broken.md:2: cannot read");
  });

  it("runs as a script through tsx (the way pnpm contract:check runs it)", () => {
    addCode();
    const tsx = join(PACKAGE_DIR, "node_modules/.bin/tsx");
    const run = (cmd: string) => {
      try {
        return {
          code: 0,
          out: execFileSync(tsx, ["src/cli.ts", cmd, "--root", repo.root], {
            cwd: PACKAGE_DIR,
            encoding: "utf8",
            stdio: "pipe",
          }),
        };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    expect(run("diff")).toMatchObject({ code: 0, out: expect.stringContaining("required bump: minor") });
    expect(run("check")).toMatchObject({
      code: 1,
      out: expect.stringContaining("no changeset for the contract packages is pending"),
    });
  });
});
