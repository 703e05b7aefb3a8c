import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { findRepoRoot } from "@org/contract-model";
import { vi } from "vitest";
import { main } from "../src/cli.js";
import { TYPES_PACKAGE_JSON } from "../src/layout.js";

export const REPO_ROOT = findRepoRoot(import.meta.url);

/** A throwaway repository root holding what the generator reads: schemas/ and the types package.json. */
export function tempRepo(): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), "codegen-test-"));
  cpSync(join(REPO_ROOT, "schemas"), join(root, "schemas"), { recursive: true });
  mkdirSync(dirname(join(root, TYPES_PACKAGE_JSON)), { recursive: true });
  cpSync(join(REPO_ROOT, TYPES_PACKAGE_JSON), join(root, TYPES_PACKAGE_JSON));
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Runs the CLI in-process and captures what it printed. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await main(args);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
