import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findLastRelease } from "../src/last-release.js";
import { REPO_ROOT } from "../src/workspace.js";

// A small repository with main's shape: a first release, work with a changeset on a branch
// merged into main, then (optionally) the version step. The finder must pick the same commit
// before and after versioning, never a commit of the merged branch, never the first commit.
describe("findLastRelease", () => {
  let dir: string;
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
  const setVersion = (v: string) =>
    writeFileSync(
      join(dir, "packages/error-types/package.json"),
      `${JSON.stringify({ name: "@org/error-types", version: v })}\n`,
    );
  const commit = (message: string) => (
    git("add", "-A"),
    git("commit", "-q", "--allow-empty", "-m", message),
    git("rev-parse", "HEAD")
  );
  const changeset = (name: string) =>
    writeFileSync(join(dir, ".changeset", `${name}.md`), '---\n"@org/error-types": minor\n---\n\nx\n');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "release-e2e-history-"));
    mkdirSync(join(dir, "packages/error-types"), { recursive: true });
    mkdirSync(join(dir, ".changeset"));
    git("init", "-q", "-b", "main");
    git("config", "user.name", "t");
    git("config", "user.email", "t@example.invalid");
    git("config", "commit.gpgsign", "false");
    writeFileSync(join(dir, ".changeset/README.md"), "changesets\n");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** first commit (1.0.0) -> polish -> release (1.0.0) -> changeset -> merge of a branch (with its own clean-looking commits). */
  function history(): { first: string; release: string } {
    setVersion("1.0.0");
    const first = commit("foundation");
    commit("polish");
    const release = commit("last commit of 1.0.0");
    changeset("contract-1-1");
    commit("changeset: contract 1.1");
    git("checkout", "-q", "-b", "feature", release);
    commit("feature work (branched before the changeset)");
    git("checkout", "-q", "main");
    git("merge", "-q", "--no-ff", "-m", "merge feature", "feature");
    return { first, release };
  }

  it("before versioning (tree at 1.0.0 with a pending changeset): the newest commit without one", () => {
    const { release } = history();
    expect(findLastRelease(dir)).toMatchObject({
      sha: release,
      version: "1.0.0",
      subject: "last commit of 1.0.0",
      skipped: 2,
    });
  });

  it("after `changeset version` (tree at 1.1.0, changeset consumed): the same commit, also once committed", () => {
    const { release } = history();
    rmSync(join(dir, ".changeset/contract-1-1.md"));
    setVersion("1.1.0");
    expect(findLastRelease(dir)).toMatchObject({ sha: release, version: "1.0.0" });
    commit("Version packages");
    expect(findLastRelease(dir)).toMatchObject({ sha: release, version: "1.0.0", skipped: 3 });
    // Work after the 1.1.0 release, with a new changeset: now 1.1.0 is the last release.
    const v11 = git("rev-parse", "HEAD");
    changeset("next");
    expect(findLastRelease(dir)).toMatchObject({ sha: v11, version: "1.1.0", skipped: 0 });
  });

  it("a clean tree at the released version is not its own last release", () => {
    setVersion("1.0.0");
    commit("only commit");
    expect(() => findLastRelease(dir)).toThrow(
      /no earlier release on the first-parent history of HEAD \(1 commits walked; the working tree is at 1\.0\.0\)/,
    );
  });

  it("says so when every commit has a pending changeset", () => {
    setVersion("1.0.0");
    changeset("a");
    commit("with a changeset from the start");
    expect(() => findLastRelease(dir)).toThrow(/working tree is at 1\.0\.0 with a pending changeset/);
  });

  it("in this repository: a commit at the version the tree was released from, with no changeset", () => {
    const found = findLastRelease(REPO_ROOT);
    expect(found.sha).toMatch(/^[0-9a-f]{40}$/);
    const at = JSON.parse(
      execFileSync("git", ["show", `${found.sha}:packages/error-types/package.json`], {
        cwd: REPO_ROOT,
        encoding: "utf8",
      }),
    ) as { version: string };
    expect(at.version).toBe(found.version);
    expect(
      execFileSync("git", ["ls-tree", "--name-only", found.sha, ".changeset/"], { cwd: REPO_ROOT, encoding: "utf8" }),
    ).not.toMatch(/\.changeset\/(?!README\.md)[^\n]*\.md/);
  });
});
