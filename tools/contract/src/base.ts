import { compareVersions, parseVersion, type Version } from "./bump.js";
import { ContractToolError } from "./contract-tool-error.js";
import { assertGitRepository, git, resolveCommit } from "./git.js";
import { CONTRACT_PACKAGE } from "./release-config.js";

/** The git commit the working tree is compared with, and why that one. */
export interface Base {
  /** The ref as given or found: a tag name, `main`, `HEAD`, a commit id... */
  ref: string;
  /** Full commit id. */
  commit: string;
  /** How it was chosen, for the output. */
  reason: "given with --base" | "last release tag" | "merge base with the release branch" | "HEAD (no release tag, no release branch)";
}

/**
 * The newest release tag reachable from HEAD. Changesets tags a monorepo release
 * `<package>@<version>`; the contract package's tag stands for the whole fixed group.
 */
export function lastReleaseTag(root: string): string | undefined {
  const r = git(root, ["tag", "--list", `${CONTRACT_PACKAGE}@*`, "--merged", "HEAD"]);
  if (!r.ok) return undefined;
  let best: { tag: string; version: Version } | undefined;
  for (const tag of r.stdout.split("\n").map((t) => t.trim())) {
    const version = parseVersion(tag.slice(CONTRACT_PACKAGE.length + 1));
    if (version && (!best || compareVersions(version, best.version) > 0)) best = { tag, version };
  }
  return best?.tag;
}

/**
 * Chooses the base: `--base` when given; else the last release tag; else the merge base of
 * HEAD with the release branch (local, then `origin/`); else HEAD itself.
 */
export function resolveBase(root: string, baseBranch: string, explicit?: string): Base {
  assertGitRepository(root);
  if (explicit !== undefined) {
    const commit = resolveCommit(root, explicit);
    if (!commit) throw new ContractToolError(`--base ${JSON.stringify(explicit)} is not a commit, branch or tag of this repository`);
    return { ref: explicit, commit, reason: "given with --base" };
  }
  const tag = lastReleaseTag(root);
  const tagCommit = tag && resolveCommit(root, tag);
  if (tag && tagCommit) return { ref: tag, commit: tagCommit, reason: "last release tag" };
  for (const branch of [baseBranch, `origin/${baseBranch}`]) {
    if (!resolveCommit(root, branch)) continue;
    const mb = git(root, ["merge-base", "HEAD", branch]);
    if (mb.ok && mb.stdout.trim()) return { ref: `merge-base(HEAD, ${branch})`, commit: mb.stdout.trim(), reason: "merge base with the release branch" };
  }
  const head = resolveCommit(root, "HEAD");
  if (head) return { ref: "HEAD", commit: head, reason: "HEAD (no release tag, no release branch)" };
  throw new ContractToolError("the repository has no commit to compare schemas/ with: commit them first, or pass --base <git-ref>");
}
