/**
 * The matrix's checks can fail: from a cell that is right in every way (generated over every
 * case, mode and row), each injected defect is reported by exactly its check, and a right
 * cell by none. The oracle is the injected set, independent of how checkCase decides.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CASES, MODES } from "../src/cases.js";
import { allowedRequests, type Check, checkCase } from "../src/checks.js";
import { ROWS } from "../src/rows.js";
import type { CaseResult } from "../src/run.js";

type Defect = "unsurfaced" | "code" | "codePlace" | "requestId" | "requestIdPlace" | "message" | "status" | "requests";
const DEFECTS: readonly Defect[] = [
  "unsurfaced",
  "code",
  "codePlace",
  "requestId",
  "requestIdPlace",
  "message",
  "status",
  "requests",
];
const CHECK_OF: Record<Defect, Check> = {
  unsurfaced: "error",
  code: "code",
  codePlace: "code",
  requestId: "requestId",
  requestIdPlace: "requestId",
  message: "message",
  status: "status",
  requests: "requests",
};

/** A cell as the issue requires it, with `defects` injected. */
function cell(rowIndex: number, caseIndex: number, mode: CaseResult["mode"], defects: ReadonlySet<Defect>): CaseResult {
  const spec = ROWS[rowIndex % ROWS.length];
  const c = CASES[caseIndex % CASES.length];
  if (spec === undefined || c === undefined) throw new Error("index out of range");
  const allowed = allowedRequests(spec, c, mode);
  const count = defects.has("requests") ? allowed + 1 : allowed;
  const requestIds = Array.from({ length: count }, (_, i) => `req_${i + 1}`);
  return {
    row: spec.id,
    caseId: c.id,
    mode,
    requestIds,
    serverModes: requestIds.map(() => mode),
    observation: {
      errorClass: defects.has("unsurfaced") ? "none" : "APIError",
      status: defects.has("status") ? c.status + 1 : c.status,
      code: defects.has("code") ? "something_else" : c.code,
      codeWhere: c.code === null && !defects.has("code") ? null : defects.has("codePlace") ? "err.other" : "err.code",
      codePlace: "err.code",
      requestId: defects.has("requestId") ? "req_other" : (requestIds.at(-1) ?? null),
      requestIdWhere: defects.has("requestIdPlace") ? "err.other" : "err.requestID",
      requestIdPlace: "err.requestID",
      message: defects.has("message") ? "something else" : `${c.status} ${c.message}`,
      retryable: null,
      text: "",
    },
  };
}

describe("checkCase", () => {
  it("reports exactly the injected defects (every row, case and mode)", () => {
    const defects = fc
      .subarray([...DEFECTS])
      .map((list) => new Set(list))
      // Defects that cannot exist in a cell: a place for a codeless case's absent code.
      .filter((set) => !(set.has("code") && set.has("codePlace")));
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.constantFrom(...MODES), defects, (row, caseIndex, mode, injected) => {
        const result = cell(row, caseIndex, mode, injected);
        const codeless = CASES[caseIndex % CASES.length]?.code === null;
        const expected = new Set(
          [...injected]
            .filter((d) => !(d === "status" && mode === "stream"))
            .filter((d) => !(d === "codePlace" && codeless))
            .map((d) => CHECK_OF[d]),
        );
        const reported = new Set(checkCase(ROWS[row % ROWS.length] ?? ROWS[0]!, result).map((d) => d.check));
        // An error that never surfaced is that one deviation only: nothing else can be read.
        expect(reported).toEqual(injected.has("unsurfaced") ? new Set(["error"]) : expected);
      }),
      { seed: 2400601, numRuns: 400 },
    );
  });
});
