/**
 * Runs rows of the matrix: every case in both modes for each row's runner, concurrently
 * against one service (each call on its own path prefix, so its requests are its own).
 */
import { CASES, type Mode, MODES } from "./cases.js";
import type { Observation } from "./observe.js";
import { startService } from "./service/server.js";
import type { Runners } from "./sdks/runner.js";

/** One cell of the matrix: a row's call for one case and mode. JSON-safe. */
export interface CaseResult {
  readonly row: string;
  readonly caseId: string;
  readonly mode: Mode;
  readonly observation: Observation;
  /** The request ids the service answered, in order: their number is the requests the SDK made. */
  readonly requestIds: readonly string[];
  /** Whether each request asked for a stream (the SDK called the way the mode says). */
  readonly serverModes: readonly Mode[];
}

// Enough calls in flight to hide the SDKs' 1 ms retry waits, few enough for a 2-core machine.
const CONCURRENCY = 16;

/** Runs `jobs` with at most `limit` at a time; results in the jobs' order. */
async function pool<J, R>(jobs: readonly J[], limit: number, work: (job: J) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await work(jobs[index] as J);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

/** Runs every case in both modes for each runner; results in row, case, mode order. */
export async function runRows(runners: Runners): Promise<CaseResult[]> {
  const service = await startService();
  try {
    const jobs = Object.keys(runners).flatMap((row) => CASES.flatMap((c) => MODES.map((mode) => ({ row, c, mode }))));
    return await pool(jobs, CONCURRENCY, async ({ row, c, mode }): Promise<CaseResult> => {
      const { baseUrl, log } = service.register(c);
      const run = runners[row];
      if (run === undefined) throw new Error(`sdk-e2e: no runner for row ${row}`);
      const observation = await run(baseUrl, mode);
      return { row, caseId: c.id, mode, observation, requestIds: [...log.requestIds], serverModes: [...log.modes] };
    });
  } finally {
    await service.close();
  }
}
