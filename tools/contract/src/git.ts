import { spawnSync } from "node:child_process";
import { ContractToolError } from "./contract-tool-error.js";

/** What a git command answered. */
export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git in `cwd`; never throws (a missing git binary is an `ok: false` answer). */
export function git(cwd: string, args: string[]): GitResult {
  const r = spawnSync("git", args, {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.error) return { ok: false, stdout: "", stderr: r.error.message };
  return { ok: r.status === 0, stdout: r.stdout, stderr: r.stderr.trim() };
}

/** The full commit id of `ref`, or `undefined` when it names no commit. */
export function resolveCommit(cwd: string, ref: string): string | undefined {
  const r = git(cwd, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]);
  return r.ok ? r.stdout.trim() : undefined;
}

/** Throws a clear error when `cwd` is not inside a git work tree. */
export function assertGitRepository(cwd: string): void {
  const r = git(cwd, ["rev-parse", "--is-inside-work-tree"]);
  if (!r.ok || r.stdout.trim() !== "true") {
    throw new ContractToolError(
      `${cwd} is not inside a git work tree: the contract diff compares schemas/ with a git ref (${r.stderr || "git said no"})`,
    );
  }
}

/**
 * The text of `relPath` (relative to `cwd`) in `commit`, or `undefined` when the file does
 * not exist there. The `./` prefix makes git resolve the path from `cwd`, so this works
 * when the workspace is a sub-folder of a bigger repository too.
 */
export function readAtCommit(cwd: string, commit: string, relPath: string): string | undefined {
  const r = git(cwd, ["show", `${commit}:./${relPath}`]);
  return r.ok ? r.stdout : undefined;
}

/** The `.json` file names directly in folder `relDir` (relative to `cwd`) in `commit`; none when it does not exist there. */
export function listAtCommit(cwd: string, commit: string, relDir: string): string[] {
  const r = git(cwd, ["ls-tree", "--name-only", commit, "--", `./${relDir}/`]);
  if (!r.ok) return [];
  return r.stdout
    .split("\n")
    .map((line) => line.slice(line.lastIndexOf("/") + 1))
    .filter((name) => name.endsWith(".json"));
}
