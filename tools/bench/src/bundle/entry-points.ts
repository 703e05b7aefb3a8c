import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (tools/bench/src/bundle -> ../../../..). */
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** One public entry point: a package's export as its users import it. */
export interface EntryPoint {
  /** What users write: "@org/error-server/express". */
  specifier: string;
  /** The built ESM file (or the JSON file) the export points at. */
  file: string;
  /** Code (bundled), JSON data (bundled as an import), or a file served as it is (an HTML page): measured as its bytes. */
  kind: "code" | "json" | "asset";
  /** The package's optional peer frameworks: not part of its bundle. */
  external: string[];
}

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, string | { import?: string | { default?: string } }>;
  peerDependencies?: Record<string, string>;
}

/**
 * Every public entry point of every public package under packages/, read from the
 * packages' `exports` (not a hand-kept list): a new subpath export is measured, and must get
 * a size limit, the day it is added. `./package.json` is metadata, not an entry point.
 */
export function publicEntryPoints(root = ROOT): EntryPoint[] {
  const out: EntryPoint[] = [];
  const packagesDir = join(root, "packages");
  for (const dir of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, dir, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    if (manifest.private) continue;
    const external = Object.keys(manifest.peerDependencies ?? {});
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      if (subpath === "./package.json") continue;
      const entry =
        typeof target === "string"
          ? target
          : typeof target.import === "string"
            ? target.import
            : target.import?.default;
      if (!entry) throw new Error(`${manifest.name} export "${subpath}" has no ESM file`);
      const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      const kind = /\.[cm]?js$/.test(entry) ? "code" : entry.endsWith(".json") ? "json" : "asset";
      out.push({ specifier, file: join(packagesDir, dir, entry), kind, external });
    }
  }
  return out;
}

/** The source of a bundle that takes everything an entry point offers (what its user could import); assets have none. */
export function entrySource(entry: EntryPoint): string | null {
  const file = JSON.stringify(entry.file);
  if (entry.kind === "asset") return null;
  return entry.kind === "json" ? `export { default } from ${file};\n` : `export * from ${file};\n`;
}
