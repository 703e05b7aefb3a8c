/**
 * Property-test settings. `pnpm test`: a fixed seed and a bounded number of runs (seconds).
 * `pnpm fuzz` sets FUZZ_RUNS: that many corpus values, the properties scaled up to match, and a
 * fresh seed (FUZZ_SEED to replay one; fast-check prints the seed of any failure).
 */
export const FUZZ_RUNS = process.env["FUZZ_RUNS"] === undefined ? undefined : Number(process.env["FUZZ_RUNS"]);

/** The seed to use: the fixed one in `pnpm test`, FUZZ_SEED or a fresh one under `pnpm fuzz`. */
export function seedOf(fixed: number): number {
  if (FUZZ_RUNS === undefined) return fixed;
  return process.env["FUZZ_SEED"] === undefined ? Date.now() % 2 ** 31 : Number(process.env["FUZZ_SEED"]);
}

/** fast-check parameters: `numRuns` in `pnpm test`, FUZZ_RUNS / 10 under `pnpm fuzz`. */
export const property = (fixedSeed: number, numRuns: number): { seed: number; numRuns: number } => ({
  seed: seedOf(fixedSeed),
  numRuns: FUZZ_RUNS === undefined ? numRuns : Math.max(numRuns, Math.round(FUZZ_RUNS / 10)),
});
