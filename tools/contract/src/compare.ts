import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Base, resolveBase } from "./base.js";
import type { ContractDiff } from "./change.js";
import { diffContracts } from "./diff.js";
import { readAtCommit } from "./git.js";
import { readReleaseConfig, type ReleaseConfig } from "./release-config.js";
import { readSchemaSet, readWorkingTree } from "./schema-set.js";

/** The schemas at the base compared with the working tree. */
export interface Comparison {
  root: string;
  base: Base;
  config: ReleaseConfig;
  diff: ContractDiff;
}

/** Resolves the base (see {@link resolveBase}) and classifies what changed in schemas/ since. */
export function compareWithBase(root: string, baseRef?: string): Comparison {
  const config = readReleaseConfig(root);
  const base = resolveBase(root, config.baseBranch, baseRef);
  const before = readSchemaSet((rel) => readAtCommit(root, base.commit, rel), `at ${base.ref} (${base.commit.slice(0, 10)})`);
  const after = readWorkingTree(root);
  return { root, base, config, diff: diffContracts(before, after) };
}

/** The `version` of a package.json text, or `undefined` when there is none. */
export function versionOf(packageJsonText: string | undefined): string | undefined {
  if (packageJsonText === undefined) return undefined;
  try {
    const v = (JSON.parse(packageJsonText) as { version?: unknown }).version;
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The version of a package.json in the working tree (`undefined` when unreadable). */
export function workingTreeVersion(root: string, rel: string): string | undefined {
  try {
    return versionOf(readFileSync(join(root, rel), "utf8"));
  } catch {
    return undefined;
  }
}
