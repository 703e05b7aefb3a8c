/**
 * `pnpm bench`: the contract's packages measured against their peers, side by side, in one
 * run. Prints a table per part and writes tools/bench/results.json. A benchmark, not a
 * test: it exits 0 whatever the numbers; only a crash of the bench itself fails it.
 *
 * Flags: `--quick` (short runs, for checking the bench works; figures are rough) and
 * `--only=validation,coldStart,bundle,server,clientParse,sseLinearity,upstreamMap`.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { finishMeta, runMeta } from "./env.js";
import { BENCH_DIR, reasonOf } from "./peer.js";
import { renderSection, type Section, skippedSection } from "./report.js";
import { renderTargets, judgeTargets } from "./summary.js";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");

const config = quick
  ? {
      validation: { rounds: 2, timeMs: 60, warmupMs: 50 },
      coldStart: { runs: 3 },
      server: { pairs: 1, seconds: 1 },
      clientParse: { rounds: 2, timeMs: 60, warmupMs: 50 },
      upstreamMap: { rounds: 2, warmup: 50, calls: 100 },
    }
  : {
      validation: { rounds: 10, timeMs: 150, warmupMs: 300 },
      coldStart: { runs: 15 },
      server: { pairs: 6, seconds: 3 },
      clientParse: { rounds: 8, timeMs: 150, warmupMs: 300 },
      upstreamMap: { rounds: 8, warmup: 500, calls: 1000 },
    };

// Imported when run: a part whose packages are missing (e.g. an unbuilt dist) fails alone,
// as "skipped: ... failed: <reason>", and the others still report.
const parts: [string, string, () => Promise<Section>][] = [
  [
    "validation",
    "1. Validation throughput (strict)",
    async () => (await import("./validation/run.js")).runValidation(config.validation),
  ],
  ["coldStart", "2. Cold start", async () => (await import("./cold-start/run.js")).runColdStart(config.coldStart)],
  ["bundle", "3. Browser bundle size", async () => (await (await import("./bundle/run.js")).runBundles()).section],
  ["server", "4. Server overhead (node:http)", async () => (await import("./server/run.js")).runServer(config.server)],
  [
    "clientParse",
    "5. Client parse",
    async () => (await import("./client-parse/run.js")).runClientParse(config.clientParse),
  ],
  ["sseLinearity", "6. SSE parsing linearity", async () => (await import("./sse-linearity.js")).runSseLinearity()],
  [
    "upstreamMap",
    "7. Upstream mapping",
    async () => (await import("./upstream-map/run.js")).runUpstreamMap(config.upstreamMap),
  ],
];

const startedAt = performance.now();
const meta = runMeta({ quick, only: only ?? "all", ...config });
console.log(
  `# pnpm bench: Node ${meta.node}, ${meta.cpu.model} x ${meta.cpu.cores}, load average ${meta.loadAverage.start.toFixed(2)}, ${meta.date}${quick ? " (--quick: rough figures)" : ""}`,
);
const sections: Section[] = [];
for (const [id, title, run] of parts) {
  if (only && !only.includes(id)) continue;
  process.stderr.write(`running ${id}...\n`);
  let section: Section;
  try {
    section = await run();
  } catch (e) {
    // One part failing (a package rebuilt under it, a port refused) must not lose the others.
    section = skippedSection(id, title, "this part failed before it produced figures", `failed: ${reasonOf(e)}`);
  }
  sections.push(section);
  console.log(renderSection(section));
}
const targets = judgeTargets(sections);
console.log(renderTargets(targets));
// JSON has no comments: the banner is a member, as in the generated schemas.
const banner =
  "Written by `pnpm bench` (tools/bench) - do not edit; run it again to refresh. Figures are measurements of one run, not a drift-checked output.";
const results = { $comment: banner, meta: finishMeta(meta, startedAt), sections, targets };
const file = `${BENCH_DIR}results.json`;
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nwrote ${file} (${results.meta.durationSeconds} s)`);
