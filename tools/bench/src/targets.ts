import type { Figure } from "./report.js";

/** Where one of the targets stands after this run. */
export interface TargetResult {
  id: string;
  /** The target as the issue states it. */
  target: string;
  /** What was compared, in words. */
  measuredAs: string;
  measured: Figure | null;
  status: "met" | "not met" | "not measured";
  /** Why it was not measured, or what else to know. */
  detail?: string;
}

/**
 * Judges a measured ratio or size against a bound. A missing measurement is "not measured"
 * with the reason, never a pass.
 */
export function judge(
  id: string,
  target: string,
  measuredAs: string,
  measured: Figure | null,
  bound: { atLeast?: number; atMost?: number; below?: number; lowestAtLeast?: number; highestAtMost?: number },
  reasonIfMissing = "not measured in this run",
): TargetResult {
  if (measured === null || !Number.isFinite(measured.value))
    return { id, target, measuredAs, measured: null, status: "not measured", detail: reasonIfMissing };
  const v = measured.value;
  const ok =
    (bound.atLeast === undefined || v >= bound.atLeast) &&
    (bound.atMost === undefined || v <= bound.atMost) &&
    (bound.below === undefined || v < bound.below) &&
    // Per-round bounds ("no round below 0.9x"): on the figure's range, the lowest and highest round.
    (bound.lowestAtLeast === undefined || (measured.range?.[0] ?? v) >= bound.lowestAtLeast) &&
    (bound.highestAtMost === undefined || (measured.range?.[1] ?? v) <= bound.highestAtMost);
  return { id, target, measuredAs, measured, status: ok ? "met" : "not met" };
}
