import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Bump, isBump, maxBump } from "./bump.js";
import { ContractToolError } from "./contract-tool-error.js";

/** One pending changeset: a .changeset/*.md file that `changeset version` has not consumed yet. */
export interface PendingChangeset {
  /** Path relative to the repository root, e.g. `.changeset/brave-cats-sing.md`. */
  file: string;
  /** The bump it asks for, per package name. */
  releases: Record<string, Bump>;
}

const FRONTMATTER = /^\uFEFF?\s*---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;
const RELEASE_LINE = /^\s*(["']?)([^"':]+)\1\s*:\s*(["']?)([A-Za-z]+)\3\s*$/;

/**
 * Parses a changeset's frontmatter: one `"<package>": <bump>` line per package, between two
 * `---` lines. Throws a ContractToolError naming the file and line when it cannot be read.
 */
export function parseChangeset(text: string, file: string): PendingChangeset {
  const m = FRONTMATTER.exec(text);
  if (!m)
    throw new ContractToolError(
      `${file}: not a changeset (it must start with a "---" frontmatter block listing "<package>": <bump> lines)`,
    );
  // No prototype: a package named `__proto__` or `toString` is an ordinary key (looked up with Object.hasOwn).
  const releases = Object.create(null) as Record<string, Bump>;
  (m[1] ?? "").split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === "" || line.trim().startsWith("#")) return;
    const r = RELEASE_LINE.exec(line);
    const name = r?.[2]?.trim();
    const bump = r?.[4];
    if (!name || !bump || !isBump(bump)) {
      throw new ContractToolError(
        `${file}:${i + 2}: cannot read ${JSON.stringify(line.trim())}; expected "<package>": none|patch|minor|major`,
      );
    }
    releases[name] = bump;
  });
  return { file, releases };
}

/** Every pending changeset under `root`/.changeset (README.md is not one), by file name. */
export function readPendingChangesets(root: string): PendingChangeset[] {
  let names: string[];
  try {
    names = readdirSync(join(root, ".changeset"));
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md")
    .sort()
    .map((n) => parseChangeset(readFileSync(join(root, ".changeset", n), "utf8"), `.changeset/${n}`));
}

/** The bump the changesets ask for the fixed group: the strongest over its packages. */
export function requestedBump(changesets: PendingChangeset[], group: readonly string[]): Bump {
  return maxBump(
    changesets.flatMap((c) =>
      group.map((name) => (Object.hasOwn(c.releases, name) ? (c.releases[name] as Bump) : "none")),
    ),
  );
}
