import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Base, resolveBase } from "./base.js";
import { readDiffOptions } from "./config.js";
import { type ConfiguredDiff, diffContracts } from "./diff.js";
import { readReleaseConfig, type ReleaseConfig } from "./release-config.js";
import { readSchemaSet, type SchemaSet } from "./schema-set.js";
import { listWorkingTreeUpstream, readUpstreamSet } from "./upstream-set.js";
import { versionOf } from "./version-of.js";

export { versionOf };

/** The schemas at the base compared with the working tree. */
export interface Comparison {
  root: string;
  base: Base;
  config: ReleaseConfig;
  diff: ConfiguredDiff;
  /** Both sides' schema texts by file name, for line numbers in the reports. */
  texts: { before: Map<string, string>; after: Map<string, string> };
}

function describeOrigin(base: Base): string {
  return base.commit ? `at ${base.ref} (${base.commit.slice(0, 10)})` : `in ${base.ref}`;
}

/** Reads a schema set and keeps the texts it read. */
function readWithTexts(
  read: (rel: string) => string | undefined,
  origin: string,
): { set: SchemaSet; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const set = readSchemaSet((rel) => {
    const text = read(rel);
    if (text !== undefined) texts.set(rel.replace(/^.*\//, ""), text);
    return text;
  }, origin);
  return { set, texts };
}

/** Resolves the base (see {@link resolveBase}) and classifies what changed in schemas/ since. */
export function compareWithBase(root: string, baseRef?: string): Comparison {
  const config = readReleaseConfig(root);
  const options = readDiffOptions(root);
  const base = resolveBase(root, baseRef);
  const before = readWithTexts(base.read, describeOrigin(base));
  const readTree = (rel: string): string | undefined => {
    try {
      return readFileSync(join(root, rel), "utf8");
    } catch {
      return undefined;
    }
  };
  const after = readWithTexts(readTree, "in the working tree");
  // The upstream mapping files (contract 1.2), compared when the base can list its own (a git
  // base); a published package ships none, so with one only schemas/*.json are compared.
  if (base.listUpstream) {
    const upWas = readUpstreamSet(base.listUpstream(), base.read, describeOrigin(base));
    const upNow = readUpstreamSet(listWorkingTreeUpstream(root), readTree, "in the working tree");
    before.set.upstream = upWas.set;
    after.set.upstream = upNow.set;
    for (const [file, text] of upWas.texts) before.texts.set(file, text);
    for (const [file, text] of upNow.texts) after.texts.set(file, text);
  }
  return {
    root,
    base,
    config,
    diff: diffContracts(before.set, after.set, options),
    texts: { before: before.texts, after: after.texts },
  };
}

/** The version of a package.json in the working tree (`undefined` when unreadable). */
export function workingTreeVersion(root: string, rel: string): string | undefined {
  try {
    return versionOf(readFileSync(join(root, rel), "utf8"));
  } catch {
    return undefined;
  }
}
