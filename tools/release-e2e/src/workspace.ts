import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { findRepoRoot, PACKAGES, PUBLIC_PACKAGES as PUBLIC_LIST } from "@org/contract-model";

/** The repository this tool lives in, found the one way every tool finds it (@org/contract-model). */
export const REPO_ROOT = findRepoRoot(import.meta.url);

/** A public package's name. */
export type PublicPackage = (typeof PUBLIC_LIST)[number]["name"];

/** The public packages (the changesets fixed group): name -> folder, from @org/contract-model's layout. */
export const PUBLIC_PACKAGES = Object.freeze(
  Object.fromEntries(PUBLIC_LIST.map((p) => [p.name, p.dir])) as Record<PublicPackage, string>,
);

/** The names of the public packages. */
export const PUBLIC_NAMES: readonly PublicPackage[] = PUBLIC_LIST.map((p) => p.name);

/**
 * Copies the workspace as a user's clone would have it: tracked files plus new files that are
 * not ignored (`git ls-files -co --exclude-standard`), so node_modules, dist and caches stay
 * behind. Then makes the copy a repository of its own, with one commit and a local identity,
 * because `changeset publish` tags releases and the contract diff compares with git.
 * Returns the number of files copied.
 */
export function copyWorkspace(dest: string): number {
  const list = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "-z"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  let copied = 0;
  for (const rel of list.split("\0")) {
    if (!rel) continue;
    const from = join(REPO_ROOT, rel);
    // A tracked file deleted in the working tree, or a folder (a nested repository): skip.
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(dest, rel)), { recursive: true });
    copyFileSync(from, join(dest, rel));
    copied++;
  }
  const git = gitIn(dest);
  git("init", "-q", "-b", "main");
  git("config", "user.name", "release-e2e");
  git("config", "user.email", "release-e2e@example.invalid");
  git("config", "commit.gpgsign", "false");
  git("config", "tag.gpgsign", "false");
  commitAll(dest, "Snapshot of the workspace");
  return copied;
}

/** Runs git in `cwd` and returns its stdout; throws with git's message on failure. */
export const gitIn =
  (cwd: string) =>
  (...args: string[]) =>
    execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

/** Commits everything in the copy (as the release PR would). */
export function commitAll(root: string, message: string): void {
  const git = gitIn(root);
  git("add", "-A");
  git("commit", "-q", "--allow-empty", "-m", message);
}

/** Reads a JSON file. */
export const readJson = <T = Record<string, unknown>>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/**
 * The public packages the workspace at `root` has: a package new in this release (1.2's
 * @org/error-upstream) is not in the last release's tree, which published the others only.
 */
export const publicNamesIn = (root: string): PublicPackage[] =>
  PUBLIC_NAMES.filter((name) => existsSync(join(root, PUBLIC_PACKAGES[name], "package.json")));

/** The version of each public package the workspace at `root` has (see publicNamesIn). */
export function publicVersions(root: string): Partial<Record<PublicPackage, string>> {
  const entries = publicNamesIn(root).map((name) => [
    name,
    readJson<{ version: string }>(join(root, PUBLIC_PACKAGES[name], "package.json")).version,
  ]);
  return Object.fromEntries(entries) as Partial<Record<PublicPackage, string>>;
}

/** The `CONTRACT_VERSION` written into the generated catalog of @org/error-types. */
export function generatedContractVersion(root: string): string | undefined {
  // Whichever generated file holds it (the codegen may move it between files).
  const dir = join(root, PACKAGES.types.dir, "src/generated");
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith(".ts"))
    .sort()) {
    const found = /export const CONTRACT_VERSION(?:: string)? = "([^"]+)"/.exec(
      readFileSync(join(dir, name), "utf8"),
    )?.[1];
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The pending changesets of the workspace at `root` (file names), README excluded. */
export function pendingChangesets(root: string): string[] {
  return readdirSync(join(root, ".changeset")).filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md");
}
