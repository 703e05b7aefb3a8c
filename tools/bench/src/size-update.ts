/**
 * `pnpm --filter @org/bench run size:update`: measures every size target and writes
 * size-limits.json with each limit at the measured size + 5%. Run it when an entry point is
 * added or a bundle is meant to grow; say why in the commit.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { limitFor, writeLimits } from "./bundle/limits.js";
import { CLIENT_PAIR, CLIENT_PAIR_CEILING, measureTarget, sizeTargets } from "./bundle/size-targets.js";
import { BENCH_DIR } from "./peer.js";

const dir = mkdtempSync(join(tmpdir(), "org-size-"));
const limits: Record<string, number> = {};
try {
  for (const target of sizeTargets()) {
    const { gzip } = await measureTarget(target, dir, BENCH_DIR);
    // The pair keeps its ceiling: a refresh must not make room for it to grow.
    limits[target.id] = target.id === CLIENT_PAIR ? Math.min(limitFor(gzip), CLIENT_PAIR_CEILING) : limitFor(gzip);
    console.log(`${target.id}: ${gzip} B gzip -> limit ${limits[target.id]} B`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
writeLimits(limits);
