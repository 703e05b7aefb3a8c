import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ContractToolError } from "./contract-tool-error.js";
import { git } from "./git.js";

/**
 * The workspace root: the nearest folder at or above `start` that holds pnpm-workspace.yaml,
 * else the git top level. Why not the cwd: `pnpm --filter` runs the scripts in tools/contract.
 */
export function findRoot(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) break;
  }
  const top = git(start, ["rev-parse", "--show-toplevel"]);
  if (top.ok) return top.stdout.trim();
  throw new ContractToolError(`cannot find the repository root from ${start}: no pnpm-workspace.yaml above it and not in a git repository (pass --root)`);
}
