import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

function isRepoRoot(dir: string): boolean {
  // The workspace file marks the root; its package.json's name makes sure it is this repository.
  if (!existsSync(join(dir, "pnpm-workspace.yaml")) || !existsSync(join(dir, "package.json"))) return false;
  try {
    return (
      (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: unknown }).name === "error-contract"
    );
  } catch {
    return false;
  }
}

/**
 * The repository root: the nearest folder at or above `from` (a path or a file URL, default
 * this package) holding the workspace. The one way every tool finds it.
 */
export function findRepoRoot(from: string | URL = import.meta.url): string {
  let dir = resolve(typeof from === "string" && !from.startsWith("file:") ? from : fileURLToPath(from));
  for (;;) {
    if (isRepoRoot(dir)) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no error-contract repository root at or above ${String(from)}`);
    dir = up;
  }
}
