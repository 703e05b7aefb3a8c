import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { type EntryPoint, entrySource, publicEntryPoints } from "./entry-points.js";
import { type BundleMeasure, measureBundle } from "./measure.js";

/** One browser bundle with a size limit: a whole entry point, or the named imports a typical app makes. */
export interface SizeTarget {
  /** The key of its limit in size-limits.json. */
  id: string;
  /** The bundle's entry source, or null for an asset served as it is (then `file` is measured). */
  source: string | null;
  file?: string;
  external: string[];
}

/** The client pair the 3 KB target is about; its limit is kept separately. */
export const CLIENT_PAIR = "@org/error-client { parseErrorResponse, isRetryable }";
/**
 * The most the pair's limit may be: 1.1.0's size, which issue 22's fixes were not to grow
 * (the 3 KB goal stands). `size:update` never writes more; the size test checks the file.
 */
export const CLIENT_PAIR_CEILING = 4530;
const CLIENT_PAIR_SOURCE = `export { parseErrorResponse, isRetryable } from "@org/error-client";\n`;
export const VALIDATE_ONLY = "@org/error-validator { validateErrorEnvelope }";
const VALIDATE_ONLY_SOURCE = `export { validateErrorEnvelope } from "@org/error-validator";\n`;

/** Every public entry point (everything it exports), then the two named-import bundles the bench has always reported. */
export function sizeTargets(entries: EntryPoint[] = publicEntryPoints()): SizeTarget[] {
  return [
    ...entries.map((e) => ({ id: e.specifier, source: entrySource(e), file: e.file, external: e.external })),
    { id: CLIENT_PAIR, source: CLIENT_PAIR_SOURCE, external: [] },
    { id: VALIDATE_ONLY, source: VALIDATE_ONLY_SOURCE, external: [] },
  ];
}

/** Measures one target from a scratch directory; packages resolve from tools/bench. */
export async function measureTarget(target: SizeTarget, dir: string, benchDir: string): Promise<BundleMeasure> {
  if (target.source === null) {
    // An asset (an HTML page): what a browser downloads is the file itself, gzipped.
    const code = readFileSync(target.file ?? "");
    return {
      minified: code.byteLength,
      gzip: gzipSync(code, { level: 9 }).byteLength,
      code,
      exports: ["(file)"],
      metafile: { inputs: {}, outputs: {} },
    };
  }
  const input = join(dir, `entry-${target.id.replace(/[^a-z0-9]+/gi, "-")}.js`);
  writeFileSync(input, target.source);
  return measureBundle(input, { external: target.external, nodePaths: [join(benchDir, "node_modules")] });
}
