import { findRepoRoot } from "@org/contract-model";
import { ContractToolError } from "./contract-tool-error.js";

/**
 * The workspace root at or above `start`, found the one way every tool finds it
 * (@org/contract-model). Why not the cwd: `pnpm --filter` runs the scripts in tools/contract.
 */
export function findRoot(start: string): string {
  try {
    return findRepoRoot(start);
  } catch {
    throw new ContractToolError(
      `cannot find the repository root from ${start}: no error-contract workspace (pnpm-workspace.yaml and package.json) above it (pass --root)`,
    );
  }
}
