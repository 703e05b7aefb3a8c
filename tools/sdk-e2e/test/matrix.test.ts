/**
 * The compatibility matrix (issue 24 item 6): every row runs all 29 cases plain and in a
 * stream against the service; asserted rows must surface what "Done means" requires;
 * docs/compatibility.md must be what this run renders.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { CASES, MODES } from "../src/cases.js";
import { checkCase, limitFor } from "../src/checks.js";
import { type RowResult, runMatrix, verdicts } from "../src/matrix.js";
import { COMPATIBILITY_PATH } from "../src/paths.js";
import { ROWS } from "../src/rows.js";
import { GENERATE_COMMAND, renderCompatibility } from "../src/table.js";

const VERDICTS = verdicts();
const idsWith = (verdict: string): string[] => [...VERDICTS].filter(([, v]) => v.verdict === verdict).map(([id]) => id);

let rows: RowResult[] = [];
beforeAll(async () => {
  rows = await runMatrix();
  // Printed so a CI log says what was not asserted, and why.
  for (const row of rows) if (row.reason !== null) console.log(`sdk-e2e: ${row.spec.id} ${row.verdict}: ${row.reason}`);
});

function rowOf(id: string): RowResult {
  const row = rows.find((r) => r.spec.id === id);
  if (row === undefined) throw new Error(`no row ${id}`);
  return row;
}

/** A row's deviations, one line each (the failure message says what went wrong where), excused or not. */
function deviationsOf(row: RowResult, excused: boolean): string[] {
  return row.cases.flatMap((c) =>
    checkCase(row.spec, c)
      .filter((d) => (limitFor(row.spec, c.mode, d) !== undefined) === excused)
      .map((d) => `${c.caseId} (${c.mode}) ${d.check}: ${d.detail}`),
  );
}

describe.each(idsWith("asserted"))("%s (asserted)", (id) => {
  it("surfaces code, request id, message and status, with as many requests as the catalog allows, in all 29 cases plain and streamed", () => {
    const row = rowOf(id);
    expect(row.cases).toHaveLength(CASES.length * MODES.length);
    expect(deviationsOf(row, false)).toEqual([]);
  });

  it.each(ROWS.find((r) => r.id === id)?.limits?.map((l) => [`${l.mode} ${l.check}`, l] as const) ?? [])(
    "known limit %s still happens (remove it from src/rows.ts when it is gone)",
    (_, limit) => {
      const row = rowOf(id);
      const hits = row.cases.filter(
        (c) => c.mode === limit.mode && checkCase(row.spec, c).some((d) => d.check === limit.check),
      );
      expect(hits.length).toBeGreaterThan(0);
    },
  );
});

describe.each([...idsWith("asserted"), ...idsWith("recorded")])("%s (runs)", (id) => {
  it("sent every call to the service the way its mode says (the harness drives the SDK as intended)", () => {
    const row = rowOf(id);
    expect(row.cases.map((c) => `${c.caseId} ${c.mode}`)).toEqual(
      CASES.flatMap((c) => MODES.map((mode) => `${c.id} ${mode}`)),
    );
    for (const cell of row.cases) {
      expect(cell.requestIds.length, `${cell.caseId} ${cell.mode}`).toBeGreaterThan(0);
      expect(new Set(cell.serverModes), `${cell.caseId} ${cell.mode}`).toEqual(new Set([cell.mode]));
    }
  });
});

describe.each([...idsWith("recorded"), ...idsWith("not run")])("%s (not asserted)", (id) => {
  it("says why in the table", () => {
    const { reason } = VERDICTS.get(id) ?? { reason: null };
    expect(reason).toBeTruthy();
    expect(renderCompatibility(rows)).toContain(reason);
  });
});

describe("docs/compatibility.md", () => {
  it(`is what this run renders (regenerate: ${GENERATE_COMMAND})`, () => {
    expect(readFileSync(COMPATIBILITY_PATH, "utf8")).toBe(renderCompatibility(rows));
  });
});
