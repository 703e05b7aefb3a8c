/**
 * Runs the whole matrix and decides, per row, whether its results are asserted, only
 * recorded (with the reason), or could not be run (with the reason). Node 20 rows run in
 * this process; the ai 7 rows in a child process on the Node 22 binary.
 */
import { findNode22, runAi7Rows } from "./node22.js";
import { ROWS, type RowSpec } from "./rows.js";
import { type CaseResult, runRows } from "./run.js";
import { ai6Runners } from "./sdks/ai6.js";
import { anthropicRunners } from "./sdks/anthropic.js";
import { genaiRunners } from "./sdks/genai.js";
import { openaiRunners } from "./sdks/openai.js";

/** How a row's results count: asserted by the test, recorded in the table only, or not run. */
export type Verdict = "asserted" | "recorded" | "not run";

/** A row with its verdict and cells (empty when not run). */
export interface RowResult {
  readonly spec: RowSpec;
  readonly verdict: Verdict;
  /** Why a row is not asserted (null: asserted). */
  readonly reason: string | null;
  readonly cases: readonly CaseResult[];
}

/** The verdict of `spec` in this build, and why. */
function verdictOf(spec: RowSpec, node22Reason: string | null): { verdict: Verdict; reason: string | null } {
  if (spec.runtime === "node22" && node22Reason !== null) return { verdict: "not run", reason: node22Reason };
  if (spec.integration === "without")
    return { verdict: "recorded", reason: "without the integration: what the SDK does by itself" };
  return { verdict: "asserted", reason: null };
}

/** Each row's verdict in this build, by row id (known before anything runs). */
export function verdicts(): ReadonlyMap<string, { verdict: Verdict; reason: string | null }> {
  const node22 = findNode22();
  const node22Reason = "reason" in node22 ? node22.reason : null;
  return new Map(ROWS.map((spec) => [spec.id, verdictOf(spec, node22Reason)]));
}

/** Runs every row that can run here; rows in table order. */
export async function runMatrix(): Promise<RowResult[]> {
  const node22 = findNode22();
  const verdictById = verdicts();
  const runnable = (id: string): boolean => verdictById.get(id)?.verdict !== "not run";
  const local = Object.fromEntries(
    Object.entries({ ...openaiRunners, ...anthropicRunners, ...genaiRunners, ...ai6Runners }).filter(([id]) =>
      runnable(id),
    ),
  );
  const [here, child] = await Promise.all([
    runRows(local),
    "path" in node22 && ROWS.some((spec) => spec.runtime === "node22" && runnable(spec.id))
      ? runAi7Rows(node22.path)
      : Promise.resolve([]),
  ]);
  const results = [...here, ...child];
  return ROWS.map((spec) => {
    const { verdict, reason } = verdictById.get(spec.id) ?? { verdict: "not run", reason: "no verdict" };
    return { spec, verdict, reason, cases: results.filter((r) => r.row === spec.id) };
  });
}
