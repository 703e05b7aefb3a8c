import { execFileSync } from "node:child_process";
import { type RunResult, runOk } from "./run.js";
import { REPO_ROOT } from "./workspace.js";

/**
 * Checks out `sha` into `dest` as a temporary, detached `git worktree` of this repository:
 * the files exactly as committed, sharing the object store (no clone, no network).
 */
export function addReleaseWorktree(sha: string, dest: string): void {
  execFileSync("git", ["worktree", "add", "--detach", "--force", dest, sha], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Removes the temporary worktree and its bookkeeping in `.git/worktrees`; never throws. */
export function removeReleaseWorktree(dest: string): void {
  for (const args of [
    ["worktree", "remove", "--force", "--force", dest],
    ["worktree", "prune"],
  ]) {
    try {
      execFileSync("git", args, { cwd: REPO_ROOT, stdio: "ignore" });
    } catch {
      // Already gone (or never made): the folder itself is removed with the temp folder.
    }
  }
}

/**
 * Builds the four public packages of the workspace at `root` (and what they need: codegen's
 * `generate`), not the private tools: the release needs nothing else, and it halves the time.
 */
export function buildPublicPackages(root: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return runOk(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=./packages/*", "--no-daemon", "--output-logs=errors-only"],
    { cwd: root, env },
  );
}

/**
 * The real `changeset publish` of the workspace at `root`. `gitTag: false` for a checkout of
 * an old release: its worktree shares this repository's refs, and a test must not add tags to it.
 */
export function changesetPublish(root: string, env: NodeJS.ProcessEnv, gitTag: boolean): Promise<RunResult> {
  return runOk("pnpm", ["exec", "changeset", "publish", ...(gitTag ? [] : ["--no-git-tag"])], { cwd: root, env });
}

/** `X.Y.Z` -> numbers; anything else (a prerelease) is a test failure, not a guess. */
export function parseVersion(version: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`not a release version: ${version}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}
