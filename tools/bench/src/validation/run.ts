import { isErrorEnvelope, validateErrorEnvelope } from "@org/error-validator";
import { makeBatch, runRounds, type BatchTask } from "../harness.js";
import { tryPeer, versionOf } from "../peer.js";
import { figure, type Section, type Skipped } from "../report.js";
import { median, mean, range } from "../stats.js";
import { ajvSourceCheck, ajvViewCheck } from "./ajv-peers.js";
import { disagreements } from "./agreement.js";
import { isEnvelopeByHand } from "./hand-guard.js";
import { typeboxCheck, valibotCheck, zodCheck } from "./peer-schemas.js";
import { agreementCorpus, invalidSet, validSet } from "./samples.js";

/** Baseline row name; ratios are against it. */
export const HAND = "hand-written guard";
export const IS_ENVELOPE = "@org/error-validator isErrorEnvelope";
export const AJV_VIEW = `ajv ${versionOf("ajv")} compiled at run time (same schema)`;

/** Validations per timed call: large enough that the timer's own cost is noise. */
const PER_CALL = 512;

type Check = (data: unknown) => boolean;

/** Every peer in table order; a peer whose factory throws is skipped with the reason. */
async function buildPeers(skipped: Skipped[]): Promise<[string, Check][]> {
  const factories: [string, () => Check][] = [
    [HAND, () => isEnvelopeByHand],
    [IS_ENVELOPE, () => isErrorEnvelope],
    ["@org/error-validator validateErrorEnvelope strict", () => (d) => validateErrorEnvelope(d, { mode: "strict" }).ok],
    [AJV_VIEW, () => ajvViewCheck()],
    [`ajv ${versionOf("ajv")} Ajv2020, published schemas`, ajvSourceCheck],
    [`zod ${versionOf("zod")}`, zodCheck],
    [`valibot ${versionOf("valibot")}`, valibotCheck],
    [`TypeBox ${versionOf("@sinclair/typebox")} TypeCompiler`, typeboxCheck],
  ];
  const peers: [string, Check][] = [];
  for (const [name, factory] of factories) {
    const check = await tryPeer(name, skipped, factory);
    if (!check) continue;
    // A peer that answers differently does not implement the same shape: its speed means nothing.
    const wrong = disagreements(check);
    if (wrong.length > 0) {
      skipped.push({ peer: name, reason: `disagrees with the contract on ${wrong.length} cases, e.g. ${JSON.stringify(wrong[0])}` });
      continue;
    }
    peers.push([name, check]);
  }
  return peers;
}

/** Part 1: strict validation throughput, valid and invalid sets, against the hand-written guard. */
export async function runValidation(options: { rounds: number; timeMs: number; warmupMs: number }): Promise<Section> {
  const skipped: Skipped[] = [];
  const peers = await buildPeers(skipped);
  const sets = [
    { set: "valid", items: validSet(), passes: true },
    { set: "invalid", items: invalidSet(), passes: false },
  ];
  const tasks: (BatchTask & { peer: string; set: string })[] = [];
  for (const { set, items, passes } of sets) {
    const repeat = Math.ceil(PER_CALL / items.length);
    const perCall = repeat * items.length;
    for (const [peer, check] of peers) {
      tasks.push({ name: `${peer} / ${set}`, peer, set, run: makeBatch(`${peer} ${set}`, check, items, repeat), perCall, expected: passes ? perCall : 0 });
    }
  }
  const stats = await runRounds(tasks, options);
  const rows: Section["rows"] = [];
  const figures: Section["figures"] = {};
  /** Per-round ratios of two tasks' median batch times (same round, same seconds of machine load). */
  const ratiosOf = (peer: string, base: string, set: string): number[] => {
    const p = stats.get(`${peer} / ${set}`) ?? [];
    const b = stats.get(`${base} / ${set}`) ?? [];
    return b.length === 0 ? [] : p.map((r, i) => r.p50OpsPerSec / (b[i]?.p50OpsPerSec ?? Number.NaN));
  };
  for (const { set } of sets) {
    const vsGuard = ratiosOf(IS_ENVELOPE, HAND, set);
    const vsAjv = ratiosOf(IS_ENVELOPE, AJV_VIEW, set);
    if (vsGuard.length > 0) figures[`isErrorEnvelope/guard ${set}`] = figure(median(vsGuard), "x");
    if (vsAjv.length > 0) figures[`isErrorEnvelope/ajv ${set}`] = figure(median(vsAjv), "x");
  }
  for (const task of tasks) {
    const rounds = stats.get(task.name) ?? [];
    const ratios = ratiosOf(task.peer, HAND, task.set);
    const [lo, hi] = ratios.length > 0 ? range(ratios) : [Number.NaN, Number.NaN];
    rows.push({
      peer: task.peer,
      set: task.set,
      "mean ops/s": figure(mean(rounds.map((r) => r.opsPerSec)), "ops/s"),
      rme: figure(median(rounds.map((r) => r.rmePercent)), "%"),
      "p50 ops/s": figure(median(rounds.map((r) => r.p50OpsPerSec)), "ops/s"),
      "p99 ops/s": figure(median(rounds.map((r) => r.p99OpsPerSec)), "ops/s"),
      "vs guard": ratios.length > 0 ? figure(median(ratios), "x") : null,
      "ratio range": ratios.length > 0 ? `${lo.toFixed(2)}-${hi.toFixed(2)}` : null,
    });
  }
  return {
    id: "validation",
    title: "1. Validation throughput (strict)",
    method: `tinybench ${versionOf("tinybench")}, ${options.rounds} interleaved rounds x ${options.timeMs} ms per task (order reversed every round) after ${options.warmupMs} ms warm-up; ${PER_CALL}-ish validations per timed call over ${sets[0]?.items.length} valid / ${sets[1]?.items.length} invalid parsed envelopes. "vs guard" = median over rounds of (peer / hand-written guard in the same round), each from the round's median batch time (a batch preempted by another process moves the mean, not the median); rme is tinybench's relative margin of error of the mean, p50/p99 ops/s come from the median/99th-percentile batch time; every peer first agreed with the contract on a labelled corpus of ${agreementCorpus().length} values.`,
    rows,
    skipped,
    notes: [],
    figures,
  };
}
