/**
 * A semver bump, from "nothing to release" to "breaking". Ordered, so the strongest of
 * several changes is simply the maximum.
 */
export type Bump = "none" | "patch" | "minor" | "major";

/** Every bump, weakest first. */
export const BUMPS: readonly Bump[] = ["none", "patch", "minor", "major"];

/** Position of a bump in {@link BUMPS}: compare two bumps with `rank(a) < rank(b)`. */
export function rank(bump: Bump): number {
  return BUMPS.indexOf(bump);
}

/** The strongest of the given bumps; `"none"` for an empty list. */
export function maxBump(bumps: Iterable<Bump>): Bump {
  let max: Bump = "none";
  for (const b of bumps) if (rank(b) > rank(max)) max = b;
  return max;
}

/** Type guard for a bump name as written in a changeset (`none` included). */
export function isBump(value: string): value is Bump {
  return (BUMPS as readonly string[]).includes(value);
}

/** A parsed `X.Y.Z` version; pre-release and build suffixes are kept only for ordering. */
export interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

const VERSION = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Parses `X.Y.Z[-pre][+build]`; `undefined` when the text is not a version. */
export function parseVersion(text: string): Version | undefined {
  const m = VERSION.exec(text.trim());
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), prerelease: m[4] ?? "" };
}

/** Orders two versions like semver does (a pre-release sorts before its release). */
export function compareVersions(a: Version, b: Version): number {
  const byNumbers = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (byNumbers !== 0) return byNumbers;
  if (a.prerelease === b.prerelease) return 0;
  if (a.prerelease === "") return 1;
  if (b.prerelease === "") return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

/**
 * The bump that took `from` to `to`: what the version step has already applied. `"none"`
 * when the version did not grow (same version, or an older one).
 */
export function bumpBetween(from: Version, to: Version): Bump {
  if (compareVersions(to, from) <= 0) return "none";
  if (to.major !== from.major) return "major";
  if (to.minor !== from.minor) return "minor";
  return "patch";
}
