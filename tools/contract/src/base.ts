import { compareVersions, parseVersion, type Version } from "./bump.js";
import { ContractToolError } from "./contract-tool-error.js";
import { assertGitRepository, git, listAtCommit, readAtCommit, resolveCommit } from "./git.js";
import { fetchPublishedSchemas, parsePackageSpec } from "./registry.js";
import { CONTRACT_PACKAGE, CONTRACT_PACKAGE_JSON } from "./release-config.js";
import { UPSTREAM_DIR } from "./upstream-set.js";
import { versionOf } from "./version-of.js";

/** What the working tree is compared with, and why that one. */
export interface Base {
  /** The ref as given or found: a tag name, a commit, `@org/error-types@1.0.0` from the registry... */
  ref: string;
  /** Full commit id, for a git base; `undefined` for a published package. */
  commit: string | undefined;
  /** How it was chosen, for the output. */
  reason: "given with --base" | "last release tag" | "last version commit" | "published package";
  /** The contract package's version at the base, when known (the version step's starting point). */
  version: string | undefined;
  /** Reads a file of the base by its path relative to the repository root (`schemas/x.json`). */
  read: (relPath: string) => string | undefined;
  /**
   * The upstream mapping files of the base (file names in schemas/upstream/), for a git base. A
   * published package ships none: without it the upstream mapping is not compared.
   */
  listUpstream?: () => string[];
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
 * The newest commit reachable from HEAD that set the contract package's version (a fresh
 * clone may carry no tags, but the version step's commit is in the history): the first
 * commit of `git log -G"version"` on its package.json whose version differs from its parent's.
 */
export function lastVersionCommit(root: string): string | undefined {
  const r = git(root, ["log", "--format=%H", "-G", '"version"[[:space:]]*:', "HEAD", "--", CONTRACT_PACKAGE_JSON]);
  if (!r.ok) return undefined;
  for (const commit of r.stdout.split("\n").filter(Boolean)) {
    const now = versionOf(readAtCommit(root, commit, CONTRACT_PACKAGE_JSON));
    const parent = versionOf(readAtCommit(root, `${commit}^`, CONTRACT_PACKAGE_JSON));
    if (now !== undefined && now !== parent) return commit;
  }
  return undefined;
}

function gitBase(root: string, ref: string, commit: string, reason: Base["reason"]): Base {
  return {
    ref,
    commit,
    reason,
    version: versionOf(readAtCommit(root, commit, CONTRACT_PACKAGE_JSON)),
    read: (rel) => readAtCommit(root, commit, rel),
    listUpstream: () => listAtCommit(root, commit, UPSTREAM_DIR),
  };
}

/**
 * Chooses the base: `--base` when given (a git ref; else `<package>@<version>` or
 * `npm:<package>@<version>`, fetched from the configured registry); else the last release
 * tag; else the commit that last set the contract package's version; else a clear error.
 */
export function resolveBase(root: string, explicit?: string): Base {
  if (explicit !== undefined) {
    const forced = explicit.startsWith("npm:");
    const spec = parsePackageSpec(forced ? explicit.slice(4) : explicit);
    if (!forced) {
      // A package spec needs no git repository; anything else does.
      if (!spec) assertGitRepository(root);
      const commit = resolveCommit(root, explicit);
      if (commit) return gitBase(root, explicit, commit, "given with --base");
    }
    if (spec) {
      const schemas = fetchPublishedSchemas(root, spec);
      return {
        ref: `${spec.name}@${spec.version}`,
        commit: undefined,
        reason: "published package",
        version: spec.version,
        read: (rel) => schemas.get(rel),
      };
    }
    throw new ContractToolError(
      `--base ${JSON.stringify(explicit)} is not a commit, branch or tag of this repository, nor <package>@<version> (e.g. ${CONTRACT_PACKAGE}@1.0.0)`,
    );
  }
  assertGitRepository(root);
  const tag = lastReleaseTag(root);
  const tagCommit = tag && resolveCommit(root, tag);
  if (tag && tagCommit) return gitBase(root, tag, tagCommit, "last release tag");
  const versioned = lastVersionCommit(root);
  if (versioned) return gitBase(root, versioned.slice(0, 10), versioned, "last version commit");
  throw new ContractToolError(
    `no release to compare with: no ${CONTRACT_PACKAGE}@X.Y.Z tag reachable from HEAD and no commit that set "version" in ${CONTRACT_PACKAGE_JSON}; ` +
      `fetch the tags (git fetch --tags, or a full-depth checkout) or pass --base <git-ref> or --base ${CONTRACT_PACKAGE}@<version>`,
  );
}
