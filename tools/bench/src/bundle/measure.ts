import { builtinModules } from "node:module";
import { gzipSync } from "node:zlib";
import { build, type Metafile } from "esbuild";

/** Sizes of one bundle, in bytes, and the names it exports. */
export interface BundleMeasure {
  minified: number;
  gzip: number;
  code: Uint8Array;
  exports: string[];
  metafile: Metafile;
}

/** Node's built-in modules, in both spellings: a browser bundle of a server entry leaves them out. */
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * Bundles one entry source the way a browser app's bundler would (esbuild: bundle, minify,
 * platform browser, ESM, es2022) and measures it, gzip level 9. Why shared: the bench (part
 * 3) and the size-limit test must measure the same way, or their numbers would not compare.
 * `external` lists what the measured package does not ship (its optional peer frameworks);
 * Node built-ins are always external (they are not in any browser bundle).
 */
export async function measureBundle(
  input: string,
  options: { external?: string[]; nodePaths?: string[] } = {},
): Promise<BundleMeasure> {
  const result = await build({
    entryPoints: [input],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    metafile: true,
    external: [...NODE_BUILTINS, ...(options.external ?? [])],
    nodePaths: options.nodePaths ?? [],
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error("esbuild produced no output");
  const output = Object.values(result.metafile.outputs)[0];
  return {
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    code,
    exports: output?.exports ?? [],
    metafile: result.metafile,
  };
}
