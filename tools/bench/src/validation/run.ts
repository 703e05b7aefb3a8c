import { isErrorEnvelope, validateErrorEnvelope } from "@org/error-validator";
import { makeBatch, runRounds, type BatchTask } from "../harness.js";
import { tryPeer, versionOf } from "../peer.js";
import { figure, ratioFigure, type Section, type Skipped } from "../report.js";
import { median, mean, range } from "../stats.js";
import { ajvSourceCheck, ajvViewCheck } from "./ajv-peers.js";
import { disagreements } from "./agreement.js";
import { isEnvelopeByHand } from "./hand-guard.js";
import { typeboxCheck, valibotCheck, zodCheck } from "./peer-schemas.js";
import { agreementCorpus, invalidSet, validSet } from "./samples.js";
import { VARIED_COUNT, variedSets } from "./varied.js";

/** Baseline row name; ratios are against it. */
export const HAND = "hand-written guard";
export const IS_ENVELOPE = "@org/error-validator isErrorEnvelope";
export const AJV_VIEW = `ajv ${versionOf("ajv")} compiled at run time (same schema)`;
export const VALIDATE = "@org/error-validator validateErrorEnvelope strict";
/** The same call, then `issues` read: what a caller that reports the problem pays. */
export const VALIDATE_ISSUES = "@org/error-validator validateErrorEnvelope strict, issues read";
/** Peers timed on the varied sets too (the others are compared on the fixed sets only, to keep the run short). */
const ON_VARIED = new Set([HAND, IS_ENVELOPE, VALIDATE, VALIDATE_ISSUES]);

/** Validations per timed call: large enough that the timer's own cost is noise. */
const PER_CALL = 512;

type Check = (data: unknown) => boolean;

/** Every peer in table order; a peer whose factory throws is skipped with the reason. */
async function buildPeers(skipped: Skipped[]): Promise<[string, Check][]> {
  const factories: [string, () => Check][] = [
    [HAND, () => isEnvelopeByHand],
    [IS_ENVELOPE, () => isErrorEnvelope],
    [VALIDATE, () => (d) => validateErrorEnvelope(d, { mode: "strict" }).ok],
    [
      VALIDATE_ISSUES,
      () => (d) => {
        const result = validateErrorEnvelope(d, { mode: "strict" });
        // An invalid value must come with at least one issue: counted as a pass otherwise.
        return result.ok || result.issues.length === 0;
      },
    ],
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
      skipped.push({
        peer: name,
        reason: `disagrees with the contract on ${wrong.length} cases, e.g. ${JSON.stringify(wrong[0])}`,
      });
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
  const varied = variedSets();
  const sets = [
    { set: "valid", items: validSet(), passes: true, varied: false },
    { set: "invalid", items: invalidSet(), passes: false, varied: false },
    { set: `valid ${VARIED_COUNT} varied`, items: varied.valid, passes: true, varied: true },
    { set: `invalid ${VARIED_COUNT} varied`, items: varied.invalid, passes: false, varied: true },
  ];
  const tasks: (BatchTask & { peer: string; set: string })[] = [];
  for (const { set, items, passes, varied: isVaried } of sets) {
    const repeat = Math.ceil(PER_CALL / items.length);
    const perCall = repeat * items.length;
    for (const [peer, check] of peers) {
      if (isVaried && !ON_VARIED.has(peer) && peer !== AJV_VIEW) continue;
      // Reading issues only means something where there are issues to read.
      if (peer === VALIDATE_ISSUES && passes) continue;
      tasks.push({
        name: `${peer} / ${set}`,
        peer,
        set,
        run: makeBatch(`${peer} ${set}`, check, items, repeat),
        perCall,
        expected: passes ? perCall : 0,
      });
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
  for (const { set, passes } of sets) {
    const pairs: [string, string, string][] = [
      [`isErrorEnvelope/guard ${set}`, IS_ENVELOPE, HAND],
      [`isErrorEnvelope/ajv ${set}`, IS_ENVELOPE, AJV_VIEW],
      [`validateErrorEnvelope/ajv ${set}`, VALIDATE, AJV_VIEW],
      [`validateErrorEnvelope/guard ${set}`, VALIDATE, IS_ENVELOPE],
    ];
    if (!passes) pairs.push([`validateErrorEnvelope+issues/ajv ${set}`, VALIDATE_ISSUES, AJV_VIEW]);
    for (const [key, peer, base] of pairs) {
      const ratios = ratiosOf(peer, base, set);
      if (ratios.length > 0 && ratios.every(Number.isFinite)) figures[key] = ratioFigure(ratios);
    }
  }
  for (const task of tasks) {
    const rounds = stats.get(task.name) ?? [];
    const ratios = ratiosOf(task.peer, HAND, task.set);
    const [lo, hi] = ratios.length > 0 ? range(ratios) : [Number.NaN, Number.NaN];
    const vsAjv = ratiosOf(task.peer, AJV_VIEW, task.set);
    rows.push({
      peer: task.peer,
      set: task.set,
      "mean ops/s": figure(mean(rounds.map((r) => r.opsPerSec)), "ops/s"),
      rme: figure(median(rounds.map((r) => r.rmePercent)), "%"),
      "p50 ops/s": figure(median(rounds.map((r) => r.p50OpsPerSec)), "ops/s"),
      "p99 ops/s": figure(median(rounds.map((r) => r.p99OpsPerSec)), "ops/s"),
      "vs guard": ratios.length > 0 ? figure(median(ratios), "x") : null,
      "ratio range": ratios.length > 0 ? `${lo.toFixed(2)}-${hi.toFixed(2)}` : null,
      "vs ajv (range)": vsAjv.length > 0 && vsAjv.every(Number.isFinite) ? ratioFigure(vsAjv) : null,
    });
  }
  return {
    id: "validation",
    title: "1. Validation throughput (strict)",
    method: `tinybench ${versionOf("tinybench")}, ${options.rounds} interleaved rounds x ${options.timeMs} ms per task (order reversed every round) after ${options.warmupMs} ms warm-up; ${PER_CALL}-ish validations per timed call over ${sets[0]?.items.length} valid / ${sets[1]?.items.length} invalid parsed envelopes, and ${VARIED_COUNT} varied valid / ${VARIED_COUNT} varied invalid ones (codes, message lengths, param forms, member orders; ${[...ON_VARIED].join(", ")} and ajv only). "vs guard" = median over rounds of (peer / hand-written guard in the same round), each from the round's median batch time (a batch preempted by another process moves the mean, not the median); rme is tinybench's relative margin of error of the mean, p50/p99 ops/s come from the median/99th-percentile batch time; every peer first agreed with the contract on a labelled corpus of ${agreementCorpus().length} values.`,
    rows,
    skipped,
    notes: [],
    figures,
  };
}
