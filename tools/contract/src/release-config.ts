import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ContractToolError } from "./contract-tool-error.js";

import { CONTRACT_PACKAGE as CONTRACT, PUBLIC_PACKAGES, TYPES_PACKAGE_JSON } from "@org/contract-model";

/** The package whose version is the contract's version (`CONTRACT_VERSION`). */
export const CONTRACT_PACKAGE: string = CONTRACT.name;

/** Its package.json, relative to the repository root. */
export const CONTRACT_PACKAGE_JSON: string = TYPES_PACKAGE_JSON;

/** The public packages, the fixed group when .changeset/config.json does not say otherwise. */
export const DEFAULT_GROUP: readonly string[] = PUBLIC_PACKAGES.map((p) => p.name);

/** What the contract tools take from .changeset/config.json. */
export interface ReleaseConfig {
  /** The `fixed` group holding {@link CONTRACT_PACKAGE}: released together, at one version. */
  group: string[];
  /** The branch releases are cut from; its merge base is the fallback diff base. @default "main" */
  baseBranch: string;
}

/** Reads .changeset/config.json under `root`; defaults when the file is absent. */
export function readReleaseConfig(root: string): ReleaseConfig {
  let text: string;
  try {
    text = readFileSync(join(root, ".changeset/config.json"), "utf8");
  } catch {
    return { group: [...DEFAULT_GROUP], baseBranch: "main" };
  }
  let config: { fixed?: unknown; baseBranch?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch (e) {
    throw new ContractToolError(`.changeset/config.json is not valid JSON: ${(e as Error).message}`);
  }
  const groups = Array.isArray(config.fixed) ? config.fixed : [];
  const group = groups.find((g): g is string[] => Array.isArray(g) && g.includes(CONTRACT_PACKAGE));
  return {
    group: group ? group.filter((n) => typeof n === "string") : [...DEFAULT_GROUP],
    baseBranch: typeof config.baseBranch === "string" && config.baseBranch !== "" ? config.baseBranch : "main",
  };
}
