/**
 * What "Done means" asks of every cell: an error surfaced, the code and the request id at
 * the SDK's documented place, the contract's message, the status of a plain answer, and as
 * many requests as the catalog allows. Each failed check is a deviation, described without
 * the case's own values so that equal deviations group in the table.
 */
import { caseById, type MatrixCase } from "./cases.js";
import type { Limit, RowSpec } from "./rows.js";
import type { CaseResult } from "./run.js";

/** The checks, in table order. */
export type Check = "error" | "code" | "requestId" | "message" | "status" | "requests";

/** One failed check of one cell. */
export interface Deviation {
  readonly check: Check;
  /** What happened instead, the same text for every case it happens to. */
  readonly detail: string;
}

/** Requests the catalog allows: a retryable plain answer up to the SDK's default retries; else one. */
export function allowedRequests(spec: RowSpec, matrixCase: MatrixCase, mode: CaseResult["mode"]): number {
  return mode === "plain" && matrixCase.retryable ? 1 + spec.defaultRetries : 1;
}

const place = (where: string | null): string => (where === null ? "found nowhere" : `found at \`${where}\``);

/** The deviations of one cell (empty: everything as the issue requires). */
export function checkCase(spec: RowSpec, result: CaseResult): Deviation[] {
  const matrixCase = caseById(result.caseId);
  const seen = result.observation;
  const out: Deviation[] = [];
  if (seen.errorClass === "none")
    return [
      {
        check: "error",
        detail: `no error: the call ended normally${seen.text === "" ? "" : " after the partial answer"}`,
      },
    ];
  if (
    matrixCase.code === null ? seen.code !== null : seen.code !== matrixCase.code || seen.codeWhere !== seen.codePlace
  )
    out.push({
      check: "code",
      detail:
        seen.code === matrixCase.code
          ? `not at \`${seen.codePlace}\`, ${place(seen.codeWhere)}`
          : matrixCase.code === null
            ? `a codeless error reads as ${JSON.stringify(seen.code)}`
            : seen.code === null
              ? `not at \`${seen.codePlace}\`, found nowhere`
              : `\`${seen.codeWhere ?? ""}\` holds something else`,
    });
  const lastId = result.requestIds.at(-1) ?? null;
  if (seen.requestId !== lastId || seen.requestIdWhere !== seen.requestIdPlace)
    out.push({
      check: "requestId",
      detail:
        seen.requestId === lastId
          ? `not at \`${seen.requestIdPlace}\`, ${place(seen.requestIdWhere)}`
          : seen.requestId === null
            ? `not at \`${seen.requestIdPlace}\`, found nowhere`
            : `\`${seen.requestIdWhere ?? ""}\` holds another id`,
    });
  if (seen.message === null || !seen.message.includes(matrixCase.message))
    out.push({ check: "message", detail: "the contract's message is not in the error's message" });
  if (result.mode === "plain" && seen.status !== matrixCase.status)
    out.push({ check: "status", detail: seen.status === null ? "no status" : "another status" });
  const allowed = allowedRequests(spec, matrixCase, result.mode);
  if (result.requestIds.length !== allowed)
    out.push({
      check: "requests",
      detail: `${result.requestIds.length} requests where the catalog allows ${allowed} (${matrixCase.retryable ? "retryable" : "never retry"})`,
    });
  return out;
}

/** The limit of `spec` that excuses `deviation` in `mode`, if any. */
export function limitFor(spec: RowSpec, mode: CaseResult["mode"], deviation: Deviation): Limit | undefined {
  return spec.limits?.find((l) => l.mode === mode && l.check === deviation.check);
}
