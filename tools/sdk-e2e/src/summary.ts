/**
 * A row's results counted per check and mode, and its deviations grouped (the same
 * deviation in the same mode lists its cases once). Deterministic: table order throughout.
 */
import { caseById, CASES, type Mode, MODES } from "./cases.js";
import { type Check, checkCase, type Deviation } from "./checks.js";
import type { RowResult } from "./matrix.js";

/** The checks counted in the summary table. */
export const COUNTED: readonly Check[] = Object.freeze(["code", "requestId", "requests", "status", "message"]);

/** One row's counts and deviations. */
export interface RowSummary {
  /** Cases per mode where a check held (an unsurfaced error fails every check). */
  readonly ok: Readonly<Record<Mode, Readonly<Record<Check, number>>>>;
  /** The documented places read, per mode: code and request id. */
  readonly places: Readonly<Record<Mode, { readonly code: string; readonly requestId: string }>>;
  /** Cases per mode whose SDK-side retry flag (the AI SDK's `isRetryable`) matches the catalog; null: the SDK has none. */
  readonly retryFlag: Readonly<Record<Mode, number | null>>;
  /** A stream error's status as the SDK gives it (the 200 says nothing): the catalog's, none, or another. */
  readonly streamStatus: Readonly<Record<"catalog" | "none" | "other", number>>;
  /** Error classes per mode with their counts, by name. */
  readonly classes: Readonly<Record<Mode, ReadonlyArray<readonly [string, number]>>>;
  /** Each deviation once per mode, with the cases it happened to. */
  readonly deviations: ReadonlyArray<{ readonly mode: Mode; readonly deviation: Deviation; readonly cases: string[] }>;
}

const zero = (): Record<Check, number> => ({ error: 0, code: 0, requestId: 0, message: 0, status: 0, requests: 0 });

/** The summary of a row that ran (a row not run has no cells: all counts zero). */
export function summarize(row: RowResult): RowSummary {
  const ok = { plain: zero(), stream: zero() };
  const places = { plain: { code: "", requestId: "" }, stream: { code: "", requestId: "" } };
  const classes = { plain: new Map<string, number>(), stream: new Map<string, number>() };
  const retryFlag: Record<Mode, number | null> = { plain: null, stream: null };
  const streamStatus = { catalog: 0, none: 0, other: 0 };
  const groups = new Map<string, { mode: Mode; deviation: Deviation; cases: string[] }>();
  for (const result of row.cases) {
    const deviations = checkCase(row.spec, result);
    const failed = new Set(deviations.map((d) => d.check));
    for (const check of Object.keys(ok[result.mode]) as Check[])
      if (!failed.has(check) && !failed.has("error")) ok[result.mode][check] += 1;
    places[result.mode] = { code: result.observation.codePlace, requestId: result.observation.requestIdPlace };
    const flag = result.observation.retryable;
    if (flag !== null)
      retryFlag[result.mode] = (retryFlag[result.mode] ?? 0) + (flag === caseById(result.caseId).retryable ? 1 : 0);
    const status = result.observation.status;
    if (result.mode === "stream" && result.observation.errorClass !== "none")
      streamStatus[status === null ? "none" : status === caseById(result.caseId).status ? "catalog" : "other"] += 1;
    const name = result.observation.errorClass;
    classes[result.mode].set(name, (classes[result.mode].get(name) ?? 0) + 1);
    for (const deviation of deviations) {
      const key = `${result.mode}\u0000${deviation.check}\u0000${deviation.detail}`;
      const group = groups.get(key) ?? { mode: result.mode, deviation, cases: [] };
      group.cases.push(result.caseId);
      groups.set(key, group);
    }
  }
  const checkOrder: readonly Check[] = ["error", "code", "requestId", "message", "status", "requests"];
  const deviations = [...groups.values()].sort(
    (a, b) =>
      MODES.indexOf(a.mode) - MODES.indexOf(b.mode) ||
      checkOrder.indexOf(a.deviation.check) - checkOrder.indexOf(b.deviation.check) ||
      a.deviation.detail.localeCompare(b.deviation.detail, "en"),
  );
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => a[0].localeCompare(b[0], "en"));
  return {
    ok,
    places,
    retryFlag,
    streamStatus,
    classes: { plain: sorted(classes.plain), stream: sorted(classes.stream) },
    deviations,
  };
}

/** How many cases a row runs per mode. */
export const CASES_PER_MODE = CASES.length;
