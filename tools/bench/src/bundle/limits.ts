import { readFileSync, writeFileSync } from "node:fs";
import { BENCH_DIR } from "../peer.js";

/** tools/bench/test/size-limits.json: the gzip -9 byte limit of every browser bundle the size test checks. */
// Under test/ so that turbo re-runs the size test when a limit changes (test/** is its input).
export const LIMITS_FILE = `${BENCH_DIR}test/size-limits.json`;

/** The file's shape: a banner member (JSON has no comments) and the limits by bundle id. */
export interface LimitsFile {
  $comment: string;
  limits: Record<string, number>;
}

/** Headroom over the measured size when limits are refreshed: small, so growth shows. */
export const MARGIN = 0.05;

/** The limit for a measured size: the size plus MARGIN, rounded up to 10 bytes. */
export const limitFor = (gzip: number): number => Math.ceil((gzip * (1 + MARGIN)) / 10) * 10;

export function readLimits(file = LIMITS_FILE): LimitsFile {
  return JSON.parse(readFileSync(file, "utf8")) as LimitsFile;
}

export function writeLimits(limits: Record<string, number>, file = LIMITS_FILE): void {
  const banner =
    "gzip -9 bytes of each browser bundle (esbuild, minify, platform browser); checked by tools/bench/test/size.test.ts in `pnpm test`. Set to the measured size + 5% by `pnpm --filter @org/bench run size:update`; lower a limit by hand when a bundle shrinks.";
  writeFileSync(file, `${JSON.stringify({ $comment: banner, limits } satisfies LimitsFile, null, 2)}\n`);
}
