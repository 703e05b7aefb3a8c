import { formatFigure, type Figure, type Section } from "./report.js";
import { judge, type TargetResult } from "./targets.js";

const figureOf = (sections: Section[], id: string, key: string): Figure | null =>
  sections.find((s) => s.id === id)?.figures[key] ?? null;

/** Why a figure is missing: the section's skip reason, or that it was not run. */
function why(sections: Section[], id: string): string {
  const section = sections.find((s) => s.id === id);
  if (!section) return "this part was not run (--only)";
  return section.skipped.map((s) => `skipped: ${s.peer}: ${s.reason}`).join("; ") || "no figure";
}

/** The targets, judged on this run's headline figures. */
export function judgeTargets(sections: Section[]): TargetResult[] {
  const t: TargetResult[] = [];
  for (const set of ["valid", "invalid"]) {
    t.push(
      judge(
        `validator-vs-guard-${set}`,
        "validator >= 0.8x the hand-written guard",
        `isErrorEnvelope / hand-written guard, ${set} envelopes`,
        figureOf(sections, "validation", `isErrorEnvelope/guard ${set}`),
        { atLeast: 0.8 },
        why(sections, "validation"),
      ),
    );
  }
  for (const set of ["valid", "invalid"]) {
    t.push(
      judge(
        `validator-vs-ajv-${set}`,
        "validator >= 0.95x ajv compiled at run time",
        `isErrorEnvelope / ajv compiling the same schema, ${set} envelopes`,
        figureOf(sections, "validation", `isErrorEnvelope/ajv ${set}`),
        { atLeast: 0.95 },
        why(sections, "validation"),
      ),
    );
  }
  // Issue 13: the functions most users call, not only the boolean guard.
  for (const set of ["valid", "invalid", "valid 256 varied", "invalid 256 varied"]) {
    t.push(
      judge(
        `validate-vs-ajv-${set.replace(/ /g, "-")}`,
        "validateErrorEnvelope strict >= 1.0x ajv compiled at run time",
        `validateErrorEnvelope(x, { mode: "strict" }).ok / ajv compiling the same schema, ${set} envelopes`,
        figureOf(sections, "validation", `validateErrorEnvelope/ajv ${set}`),
        { atLeast: 1 },
        why(sections, "validation"),
      ),
    );
  }
  t.push(
    judge(
      "client-parse",
      "parseErrorBody >= 0.9x JSON.parse + a manual check",
      "parseErrorBody / JSON.parse + manual check (64 KiB cap), our envelope (404)",
      figureOf(sections, "clientParse", "parseErrorBody/manual our envelope (404)"),
      { atLeast: 0.9 },
      why(sections, "clientParse"),
    ),
  );
  t.push(
    judge(
      "cold-start",
      "cold start <= 0.2x ajv's",
      "import + first validation in a fresh process, validator / ajv (medians)",
      figureOf(sections, "coldStart", "validator/ajv import+first"),
      { atMost: 0.2 },
      why(sections, "coldStart"),
    ),
  );
  t.push(
    judge(
      "bundle-client",
      "(b) under 3 KB gzipped",
      "gzip -9 bytes of parseErrorResponse + isRetryable (3 KB = 3072 B)",
      figureOf(sections, "bundle", "b gzip"),
      { below: 3072 },
      why(sections, "bundle"),
    ),
  );
  t.push(
    judge(
      "server-overhead-13",
      "server error path >= 0.9x JSON written by hand (issue 13)",
      "req/s through @org/error-server / req/s writing the JSON by hand (A/B)",
      figureOf(sections, "server", "A/B"),
      { atLeast: 0.9 },
      why(sections, "server"),
    ),
  );
  t.push(
    judge(
      "server-overhead",
      "server overhead ratio >= 0.95, no round below 0.9 (issue 21)",
      "req/s through @org/error-server / req/s writing the JSON by hand (A/B: an Error made per request)",
      figureOf(sections, "server", "A/B"),
      { atLeast: 0.95, lowestAtLeast: 0.9 },
      why(sections, "server"),
    ),
  );
  // Not a target of the code: whether this machine can judge the one above. The same server
  // twice must give 1.0x in every round; a spread wider than the rounds' bound means a round of
  // A/B below 0.9x may be the machine's, not the code's.
  t.push(
    judge(
      "server-noise-floor",
      "the machine: the same server twice within 0.95-1.05x every round",
      "req/s of B's script in a second process / req/s of B (F/B: only noise can move it)",
      figureOf(sections, "server", "F/B"),
      { lowestAtLeast: 0.95, highestAtMost: 1.05 },
      why(sections, "server"),
    ),
  );
  // The same target with the Error's own cost taken out two ways, so the package's share shows.
  t.push(
    judge(
      "server-overhead-shared",
      "server overhead ratio >= 0.95",
      "the same with one shared ContractError, no Error per request (D/B)",
      figureOf(sections, "server", "D/B"),
      { atLeast: 0.95 },
      why(sections, "server"),
    ),
  );
  t.push(
    judge(
      "server-overhead-vs-error",
      "server overhead ratio >= 0.95",
      "vs a hand-written server that also builds an Error per request (A/C)",
      figureOf(sections, "server", "A/C"),
      { atLeast: 0.95 },
      why(sections, "server"),
    ),
  );
  t.push(
    judge(
      "server-overhead-vs-create",
      "server error path >= 0.9x JSON written by hand (issue 13)",
      "vs the hand-written server plus the same createError per request: everything but the Error object (A/E)",
      figureOf(sections, "server", "A/E"),
      { atLeast: 0.9 },
      why(sections, "server"),
    ),
  );
  return t;
}

/** The targets as a table for the terminal. */
export function renderTargets(targets: TargetResult[]): string {
  const rows = targets.map((t) => [
    t.status === "met" ? "met" : t.status === "not met" ? "NOT MET" : "not measured",
    t.target,
    t.measured ? formatFigure(t.measured) : "-",
    t.measuredAs + (t.detail ? ` (${t.detail})` : ""),
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] as string).length)));
  return [
    "\n## Targets (issues 7 and 13)",
    ...rows.map((r) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i] as number) : c)).join("  ")),
  ].join("\n");
}
