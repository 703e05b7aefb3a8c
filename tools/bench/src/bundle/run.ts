import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Metafile } from "esbuild";
import { ERROR_CATALOG, ERROR_CODES } from "@org/error-types";
import { BENCH_DIR, tryPeer, versionOf } from "../peer.js";
import { figure, type Section, type Skipped } from "../report.js";
import { builtEsm } from "../resolve.js";
import { strictValidationView } from "../validation/ajv-peers.js";
import { bundleEntries } from "./entries.js";
import { measureBundle } from "./measure.js";
import { measureTarget, sizeTargets } from "./size-targets.js";
import { RETRYABLE_BY_CODE } from "./peers/hand-client.js";

/** Sizes of one bundle, in bytes. */
export interface BundleSize {
  minified: number;
  gzip: number;
}

/** The hand-rolled table of peer (c) must match the catalog, or (c) would not do the same job. */
function checkHandTable(): void {
  const drift = ERROR_CODES.filter((c) => RETRYABLE_BY_CODE[c] !== ERROR_CATALOG[c].retryable);
  if (drift.length > 0 || Object.keys(RETRYABLE_BY_CODE).length !== ERROR_CODES.length) {
    throw new Error(`the hand-rolled retry table differs from the catalog (${drift.join(", ") || "code count"})`);
  }
}

/** The five inputs that weigh most in a bundle, as "path bytes" (paths shortened to the package). */
function largestInputs(meta: Metafile): string {
  const inputs = Object.values(meta.outputs)[0]?.inputs ?? {};
  return Object.entries(inputs)
    .filter(([, input]) => input.bytesInOutput > 0)
    .sort(([, a], [, b]) => b.bytesInOutput - a.bytesInOutput)
    .slice(0, 5)
    .map(([path, { bytesInOutput }]) => `${path.replace(/^.*?(packages|node_modules)\//, "")} ${bytesInOutput}`)
    .join(", ");
}

/** Part 3: esbuild (bundle, minify, browser, ESM) then gzip -9, for each entry; each bundle is smoke-tested first. */
export async function runBundles(): Promise<{ section: Section; sizes: Map<string, BundleSize> }> {
  const skipped: Skipped[] = [];
  const sizes = new Map<string, BundleSize>();
  const dir = mkdtempSync(join(tmpdir(), "org-bench-bundle-"));
  const rows: Section["rows"] = [];
  const notes: string[] = [];
  const figures: Section["figures"] = {};
  try {
    checkHandTable();
    for (const entry of bundleEntries(strictValidationView())) {
      const size = await tryPeer(entry.label, skipped, async () => {
        for (const pkg of entry.requires) builtEsm(pkg);
        const input = join(dir, `entry-${entry.id}.js`);
        writeFileSync(input, entry.source);
        // The entries live in a temp dir; packages resolve from tools/bench.
        const measured = await measureBundle(input, { nodePaths: [join(BENCH_DIR, "node_modules")] });
        const out = join(dir, `bundle-${entry.id}.mjs`);
        writeFileSync(out, measured.code);
        await entry.smoke((await import(pathToFileURL(out).href)) as Record<string, unknown>);
        if (entry.id === "b") notes.push(`largest inputs of (b), minified bytes: ${largestInputs(measured.metafile)}`);
        return { minified: measured.minified, gzip: measured.gzip };
      });
      if (!size) continue;
      sizes.set(entry.id, size);
      figures[`${entry.id} gzip`] = figure(size.gzip, "B");
      rows.push({ bundle: entry.label, minified: figure(size.minified, "B"), "gzip -9": figure(size.gzip, "B") });
    }
    // Every public entry point, whole (all it exports), as the size-limit test measures it.
    for (const target of sizeTargets()) {
      const measured = await tryPeer(target.id, skipped, async () => {
        const m = await measureTarget(target, dir, BENCH_DIR);
        if (m.exports.length === 0) throw new Error("the bundle exports nothing");
        return m;
      });
      if (!measured) continue;
      figures[`entry ${target.id} gzip`] = figure(measured.gzip, "B");
      rows.push({
        bundle: `${target.id.includes("{") ? "named imports" : "entry point"} ${target.id}`,
        minified: figure(measured.minified, "B"),
        "gzip -9": figure(measured.gzip, "B"),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    sizes,
    section: {
      id: "bundle",
      title: "3. Browser bundle size",
      method: `esbuild ${versionOf("esbuild")} (bundle, minify, platform browser, ESM, es2022; Node built-ins and a package's optional peer frameworks external), then gzip level 9. Bundles (a)-(d) are imported and smoke-tested before they are measured; "entry point X" bundles everything X exports (export *), as the size-limit test does.`,
      rows,
      skipped,
      figures,
      notes: [
        ...notes,
        "(c) covers only our envelope, a text fallback and the retry decision (no Anthropic / RFC 9457 / Google shapes, no SSE): its size is a lower bound for the zod approach.",
      ],
    },
  };
}
