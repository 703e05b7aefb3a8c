/**
 * Wall times of the rename pairing at growing sizes (`pnpm --filter @org/contract-tools run
 * sweep [sizes...]`): with n renamed codes, and with n removed plus n added codes that pair
 * with nothing, the classification alone, then the whole report (configured diff, line
 * numbers, the text format). The growth itself is asserted by counting work in
 * test/renames.test.ts; these timings are for the record only.
 */
import { performance } from "node:perf_hooks";
import { classifyChanges } from "../src/diff.js";
import { render } from "../src/format/index.js";
import { renameSets } from "../test/rename-sets.js";
import { reportOf } from "../test/report-of.js";

const ms = (start: number) => `${(performance.now() - start).toFixed(0).padStart(6)} ms`;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
for (const n of sizes.length > 0 ? sizes : [2000, 4000, 8000, 20000]) {
  for (const kind of ["renames", "unpaired"] as const) {
    const { before, after } = renameSets(n, kind);
    let start = performance.now();
    const changes = classifyChanges(before, after);
    const classified = ms(start);
    start = performance.now();
    const lines = render(reportOf("diff", before, after), "text").split("\n").length;
    const renamed = changes.filter((c) => c.rule === "code-renamed").length;
    console.log(
      `${String(n).padStart(6)} ${kind.padEnd(8)} classify ${classified}, report ${ms(start)} (${renamed} renames, ${changes.length} changes, ${lines} lines)`,
    );
  }
}
