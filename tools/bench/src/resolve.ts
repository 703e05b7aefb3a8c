import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { BENCH_DIR } from "./peer.js";

const require = createRequire(`${BENCH_DIR}package.json`);

/**
 * The built ESM file of a workspace package's export (e.g. "@org/error-client", "." ->
 * dist/index.js), read from its package.json. Throws "not built" when the file is missing,
 * which callers turn into `skipped: ...`.
 */
export function builtEsm(pkg: string, subpath = "."): string {
  let manifest: string;
  try {
    manifest = require.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`${pkg} is not installed in tools/bench`);
  }
  const meta = require(manifest) as { exports?: Record<string, { import?: { default?: string } | string }> };
  const entry = meta.exports?.[subpath]?.import;
  const file = typeof entry === "string" ? entry : entry?.default;
  if (!file) throw new Error(`${pkg} has no ESM export for "${subpath}"`);
  const path = join(dirname(manifest), file);
  if (!existsSync(path)) throw new Error(`${pkg} is not built (${file} is missing; run its build)`);
  return path;
}

/** Absolute path of a CommonJS entry as Node resolves it from tools/bench ("ajv", "ajv/dist/2020"). */
export const resolveFromBench = (specifier: string): string => require.resolve(specifier);
