import { Bench } from "tinybench";

/** One named batch function to time: it returns how many items it processed in one call. */
export interface BatchTask {
  name: string;
  /** Runs one batch and returns a number derived from every result (so nothing is dead code). */
  run: () => number;
  /** Items processed per call of `run` (ops per call). */
  perCall: number;
  /** What `run` must return; anything else aborts the bench (a peer that changed its answers). */
  expected: number;
}

/** Per-task statistics of one round, in ops/s of single items. */
export interface RoundStat {
  /** From the mean batch latency. */
  opsPerSec: number;
  /** From the median batch latency: what ratios use, since a preempted batch moves the mean, not the median. */
  p50OpsPerSec: number;
  rmePercent: number;
  p99OpsPerSec: number;
  samples: number;
}

/**
 * Folds results into module state V8 must keep. With the per-batch check of the count
 * against `expected`, every validation's result is used, so no loop can be removed.
 */
let sink = 0;
export const consume = (n: number): void => {
  sink = (sink + n) | 0;
};

/**
 * Builds `(check) => batch` with a fresh function per peer. Why `new Function` with the
 * peer's name in the source: closures made from one function literal share V8's feedback,
 * so one shared loop would make its `check(...)` call site megamorphic and slow every peer
 * alike (compressing the ratios). Distinct source text gives each peer its own loop, so
 * each call site stays monomorphic, as it would be in the peer's real caller.
 */
export function makeBatch<T>(
  peer: string,
  check: (item: T) => unknown,
  items: readonly T[],
  repeat: number,
): () => number {
  const source = `/* batch for ${peer.replace(/\*\//g, "")} */
    return function batch() {
      let n = 0;
      for (let r = 0; r < repeat; r++) {
        for (let i = 0; i < items.length; i++) if (check(items[i])) n++;
      }
      return n;
    };`;
  const factory = new Function("check", "items", "repeat", source) as (
    c: typeof check,
    i: readonly T[],
    r: number,
  ) => () => number;
  return factory(check, items, repeat);
}

/**
 * Runs every task in `rounds` short rounds with tinybench (warm-up before the first round
 * only), alternating the task order each round. Why many short rounds: on a shared machine
 * load comes and goes; a peer timed in one long stretch can land in a busy second and its
 * neighbour in a quiet one. Short interleaved rounds put every peer into the same seconds,
 * and the median of per-round ratios shrugs off the rounds a spike hit.
 */
export async function runRounds(
  tasks: readonly BatchTask[],
  options: { rounds: number; timeMs: number; warmupMs: number },
): Promise<Map<string, RoundStat[]>> {
  const out = new Map<string, RoundStat[]>(tasks.map((t) => [t.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      time: options.timeMs,
      iterations: 10,
      warmup: round === 0,
      warmupTime: options.warmupMs,
      throws: true,
    });
    const order = round % 2 === 0 ? tasks : [...tasks].reverse();
    for (const task of order) {
      bench.add(task.name, () => {
        const n = task.run();
        if (n !== task.expected)
          throw new Error(`${task.name}: counted ${n} passes per batch, expected ${task.expected}`);
        consume(n);
      });
    }
    await bench.run();
    for (const task of tasks) {
      const result = bench.getTask(task.name)?.result;
      if (!result || !("latency" in result)) throw new Error(`tinybench gave no statistics for ${task.name}`);
      const { latency } = result;
      out.get(task.name)?.push({
        opsPerSec: (task.perCall * 1000) / latency.mean,
        p50OpsPerSec: (task.perCall * 1000) / latency.p50,
        rmePercent: latency.rme,
        p99OpsPerSec: (task.perCall * 1000) / latency.p99,
        samples: latency.samplesCount,
      });
    }
  }
  return out;
}
