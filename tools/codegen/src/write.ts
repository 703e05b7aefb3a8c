import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFiles } from "./generate.js";
import { GENERATED_DIRS } from "./layout.js";

function listFiles(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) =>
      join(e.parentPath, e.name)
        .slice(root.length + 1)
        .split("\\")
        .join("/"),
    );
}

/** Files in the generated folders that the generator no longer writes. */
export function staleFiles(root: string, files: GeneratedFiles): string[] {
  return GENERATED_DIRS.flatMap((dir) => listFiles(root, dir))
    .filter((f) => !files.has(f))
    .sort();
}

/** Writes every file under `root` and removes stale ones. Returns the paths whose content changed. */
export function writeFiles(root: string, files: GeneratedFiles): string[] {
  const changed: string[] = [];
  for (const [path, content] of files) {
    const abs = join(root, path);
    if (existsSync(abs) && readFileSync(abs, "utf8") === content) continue;
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
    changed.push(path);
  }
  for (const stale of staleFiles(root, files)) {
    rmSync(join(root, stale));
    changed.push(stale);
  }
  return changed;
}

/** One way the committed output differs from a fresh generation. */
export interface Drift {
  path: string;
  problem: "differs" | "missing" | "stale";
}

/**
 * Compares a fresh generation, in memory, with the committed files under `root`: nothing is
 * written anywhere.
 */
export function checkFiles(root: string, files: GeneratedFiles): Drift[] {
  const drift: Drift[] = [];
  for (const path of [...files.keys()].sort()) {
    const committed = join(root, path);
    if (!existsSync(committed)) drift.push({ path, problem: "missing" });
    else if (readFileSync(committed, "utf8") !== files.get(path)) drift.push({ path, problem: "differs" });
  }
  for (const path of staleFiles(root, files)) drift.push({ path, problem: "stale" });
  return drift;
}
