import { cpus, loadavg, platform, release, totalmem } from "node:os";

/** The machine and runtime a result was measured on (results.json `meta`). */
export interface RunMeta {
  date: string;
  node: string;
  v8: string;
  platform: string;
  cpu: { model: string; cores: number };
  memoryGiB: number;
  /** 1-minute load average when the run started and ended: a busy shared machine shows here. */
  loadAverage: { start: number; end: number | null };
  nodeEnv: string | null;
  options: Record<string, unknown>;
  durationSeconds: number | null;
}

export function runMeta(options: Record<string, unknown>): RunMeta {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${release()} ${process.arch}`,
    cpu: { model: cpu[0]?.model.trim() ?? "unknown", cores: cpu.length },
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: { start: loadavg()[0] ?? 0, end: null },
    nodeEnv: process.env["NODE_ENV"] ?? null,
    options,
    durationSeconds: null,
  };
}

/** Fills in what is only known at the end. */
export function finishMeta(meta: RunMeta, startedAt: number): RunMeta {
  return {
    ...meta,
    loadAverage: { ...meta.loadAverage, end: loadavg()[0] ?? 0 },
    durationSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
  };
}
