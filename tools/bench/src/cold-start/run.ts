import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { reasonOf, tryPeer, versionOf } from "../peer.js";
import { figure, type Section, type Skipped } from "../report.js";
import { builtEsm, resolveFromBench } from "../resolve.js";
import { median } from "../stats.js";
import { AJV_OPTIONS, publishedSchemas, strictValidationView } from "../validation/ajv-peers.js";
import { METADATA_KEYWORDS } from "@org/contract-model";
import { ajvScript, type ChildReport, emptyScript, validatorScript } from "./scripts.js";

export const COLD_VALIDATOR = "@org/error-validator (precompiled, ESM dist)";
const FLOOR = "node, empty script (floor)";
export const COLD_AJV = `ajv ${versionOf("ajv")} compile at start-up (same schema)`;

interface Variant {
  name: string;
  file: string;
  inside: number[];
  wall: number[];
}

/** Runs one child to completion; its report, plus the wall time seen from here. */
function runChild(file: string): { report: ChildReport; wallMs: number } {
  const env = { ...process.env };
  delete env["NODE_OPTIONS"];
  const start = performance.now();
  const child = spawnSync(process.execPath, [file], { env, encoding: "utf8", timeout: 30_000 });
  const wallMs = performance.now() - start;
  if (child.status !== 0)
    throw new Error(`child ${file} exited with ${child.status ?? child.signal}: ${child.stderr.slice(0, 300)}`);
  const report = JSON.parse(child.stdout) as ChildReport;
  if (report.ok !== true) throw new Error(`child ${file} did not accept the envelope`);
  return { report, wallMs };
}

/** Part 2: fresh `node` processes, median of `runs` each, run in alternation. */
export async function runColdStart(options: { runs: number }): Promise<Section> {
  const skipped: Skipped[] = [];
  const dir = mkdtempSync(join(tmpdir(), "org-bench-cold-"));
  try {
    const scripts: [string, () => string][] = [
      [FLOOR, emptyScript],
      [COLD_VALIDATOR, () => validatorScript(builtEsm("@org/error-validator"))],
      [COLD_AJV, () => ajvScript(resolveFromBench("ajv"), AJV_OPTIONS, [strictValidationView()], [])],
      [
        `ajv ${versionOf("ajv")} Ajv2020, published schemas at start-up`,
        () => ajvScript(resolveFromBench("ajv/dist/2020"), AJV_OPTIONS, publishedSchemas(), METADATA_KEYWORDS),
      ],
    ];
    const variants: Variant[] = [];
    for (const [name, make] of scripts) {
      const file = join(dir, `${variants.length}.mjs`);
      const ok = await tryPeer(name, skipped, () => {
        writeFileSync(file, make());
        runChild(file); // one untimed run: fills the OS file cache for every variant alike
        return true;
      });
      if (ok) variants.push({ name, file, inside: [], wall: [] });
    }
    for (let i = 0; i < options.runs; i++) {
      for (const v of [...variants]) {
        try {
          const { report, wallMs } = runChild(v.file);
          v.inside.push(report.importAndFirstMs);
          v.wall.push(wallMs);
        } catch (e) {
          // A variant that fails midway (e.g. its dist rebuilt under it) is dropped, not half-reported.
          skipped.push({ peer: v.name, reason: `failed on run ${i + 1}: ${reasonOf(e)}` });
          variants.splice(variants.indexOf(v), 1);
        }
      }
    }
    const ajv = variants.find((v) => v.name === COLD_AJV);
    const validator = variants.find((v) => v.name === COLD_VALIDATOR);
    const rows: Section["rows"] = variants.map((v) => ({
      variant: v.name,
      "import+first validation": figure(median(v.inside), "ms"),
      "process wall": figure(median(v.wall), "ms"),
      "vs ajv (import+first)": ajv && v.name !== FLOOR ? figure(median(v.inside) / median(ajv.inside), "x") : null,
      "vs ajv (wall)": ajv ? figure(median(v.wall) / median(ajv.wall), "x") : null,
    }));
    return {
      id: "coldStart",
      title: "2. Cold start",
      method: `${options.runs} fresh \`node\` processes per variant, run in alternation, medians. "import+first validation" is measured inside the child with performance.now() from before the import to after the first validation; "process wall" is spawn to exit, seen by the parent.`,
      rows,
      skipped,
      notes: [],
      figures: Object.fromEntries(
        validator && ajv
          ? [
              ["validator/ajv import+first", figure(median(validator.inside) / median(ajv.inside), "x")],
              ["validator/ajv wall", figure(median(validator.wall) / median(ajv.wall), "x")],
            ]
          : [],
      ),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
