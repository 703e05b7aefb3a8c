import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TYPES_PACKAGE_JSON } from "@org/contract-model";

/** Where the version of the fixed group is read (all four packages share it). */
const VERSION_FILE = TYPES_PACKAGE_JSON;

/** The commit that released the contract's previous version, and why it was chosen. */
export interface ReleaseCommit {
  /** Full commit hash. */
  sha: string;
  /** The version of the public packages at that commit (what it released). */
  version: string;
  /** The commit's subject line, for messages. */
  subject: string;
  /** How many first-parent commits were walked past before it (0: HEAD itself). */
  skipped: number;
}

/** What the working tree is about to release. */
interface TreeState {
  version: string;
  pending: boolean;
}

// A pending changeset is any `.changeset/*.md` but the folder's README.
const isChangeset = (name: string): boolean => name.endsWith(".md") && name.toLowerCase() !== "readme.md";

const git = (cwd: string, args: string[]): string =>
  execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });

function treeState(root: string): TreeState {
  const version = (JSON.parse(readFileSync(join(root, VERSION_FILE), "utf8")) as { version: string }).version;
  const dir = join(root, ".changeset");
  const pending = existsSync(dir) && readdirSync(dir).some(isChangeset);
  return { version, pending };
}

function stateAt(root: string, sha: string): TreeState | null {
  let text: string;
  try {
    text = git(root, ["show", `${sha}:${VERSION_FILE}`]);
  } catch {
    return null; // before the packages existed: nothing older can be a release
  }
  const names = git(root, ["ls-tree", "--name-only", sha, ".changeset/"])
    .split("\n")
    .map((p) => p.replace(/^\.changeset\//, ""));
  return { version: (JSON.parse(text) as { version: string }).version, pending: names.some(isChangeset) };
}

/**
 * The commit of the last release, from git history alone (a fresh clone may carry no tags).
 *
 * Rule: walking the first-parent history of HEAD (main's own line, not the commits of merged
 * branches), the newest commit that has no pending changeset and whose version is not the
 * one the working tree releases next. Why both conditions:
 * - "no pending changeset": a released state has consumed its changesets; every commit after
 *   the release that records a change carries one until `changeset version` runs, so those
 *   commits are skipped (the parent of the first commit that added one is the release).
 * - "not the next version": after `changeset version` the tree itself (and the commits after
 *   it) has no changeset either, but holds the version being released now, not the last one.
 * The version file alone cannot tell: it may have been 1.0.0 since the first commit.
 * Works before versioning (tree at 1.0.0 + a changeset -> the newest clean 1.0.0 commit)
 * and after it (tree at 1.1.0, no changeset -> the same commit).
 * Throws with the reason when no commit qualifies (e.g. a shallow clone).
 */
export function findLastRelease(root: string): ReleaseCommit {
  const tree = treeState(root);
  const shas = git(root, ["rev-list", "--first-parent", "HEAD"]).split("\n").filter(Boolean);
  for (const [index, sha] of shas.entries()) {
    const at = stateAt(root, sha);
    if (at === null) break;
    if (at.pending) continue;
    // With a changeset pending the next version is above every version in history.
    if (!tree.pending && at.version === tree.version) continue;
    return { sha, version: at.version, subject: git(root, ["log", "-1", "--format=%s", sha]).trim(), skipped: index };
  }
  const shallow = git(root, ["rev-parse", "--is-shallow-repository"]).trim() === "true";
  throw new Error(
    `no earlier release on the first-parent history of HEAD (${shas.length} commits walked; the working tree is at ${tree.version}` +
      `${tree.pending ? " with a pending changeset" : ""})${shallow ? "; this clone is shallow: run `git fetch --unshallow`" : ""}`,
  );
}
