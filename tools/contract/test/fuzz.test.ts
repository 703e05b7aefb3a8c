import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { Bump } from "../src/bump.js";
import type { DiffOptions } from "../src/config.js";
import { classifyChanges } from "../src/diff.js";
import { FORMATS, type Report } from "../src/format/index.js";
import { RULES, type Severity } from "../src/rules/index.js";
import { SCHEMA_FILES, SCHEMA_ROLES, type SchemaSet } from "../src/schema-set.js";
import { applyEdit, type Edit, edit, type Setup, setup } from "./arbitraries.js";
import { baseSchemas, type Editable } from "./fixtures.js";
import { checkEveryFormat, checkLogLines } from "./oracles.js";
import { checkOf, reportOf } from "./report-of.js";
import { removeTemplates, runCli, tempRepo } from "./temp-repo.js";

/**
 * The contract tools' fuzz harness. `pnpm test` runs a few hundred cases from a fixed seed;
 * `pnpm --filter @org/contract-tools run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED to vary).
 * A failure prints its seed and path: rerun with FUZZ_SEED=<seed> to reproduce it.
 */
const RUNS = Number(process.env["FUZZ_RUNS"] ?? 200);
const SEED = Number(process.env["FUZZ_SEED"] ?? 230723);

afterAll(() => removeTemplates());

const BUMP: Record<Severity, Exclude<Bump, "none">> = { breaking: "major", warning: "minor", info: "patch" };
const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
const APPLIED: Record<Setup["version"], Bump> = {
  "1.0.0": "none",
  "1.0.1": "patch",
  "1.1.0": "minor",
  "2.0.0": "major",
};
const DEFAULT_SEVERITY = new Map<string, Severity>(RULES.map((r) => [r.id, r.severity]));
const strongest = (bumps: Bump[]) => bumps.reduce<Bump>((a, b) => (RANK[b] > RANK[a] ? b : a), "none");

/** The base fixture, and the fixture after the edits. */
function edited(edits: Edit[]): { before: SchemaSet; after: SchemaSet } {
  const before = baseSchemas();
  const after = structuredClone(before);
  for (const e of edits) applyEdit(after as Editable, e);
  return { before, after };
}

/** The options the setup stands for: its overrides, its stale entries, and maybe one entry accepting the first change. */
function optionsOf(before: SchemaSet, after: SchemaSet, s: Setup): DiffOptions {
  const first = classifyChanges(before, after)[0];
  const accepted =
    s.ignoreFirst !== null && first ? [{ rule: first.rule, subject: first.subject, reason: s.ignoreFirst }] : [];
  return { severity: Object.fromEntries(s.severity), ignore: [...accepted, ...s.stale] };
}

/** Severities, bumps and the verdict, recomputed from the rules table and the setup alone. */
function checkVerdict(r: Report, s: Setup): void {
  const overrides = new Map(s.severity);
  for (const c of [...r.changes, ...r.ignored.map((i) => i.change)]) {
    expect(c.bump).toBe(BUMP[c.severity]);
    const want = overrides.get(c.rule) ?? DEFAULT_SEVERITY.get(c.rule);
    // code-added keeps a floor of warning when a listed client retries against the catalog.
    if (c.rule === "code-added" && want) expect(RANK[BUMP[c.severity]]).toBeGreaterThanOrEqual(RANK[BUMP[want]]);
    else expect(c.severity).toBe(want);
  }
  const required = strongest(r.changes.map((c) => c.bump));
  expect(r.bump).toBe(required);
  if (r.check) {
    const covered = strongest([s.requested, APPLIED[s.version]]);
    expect(r.check.ok, `required ${required}, covered ${covered}`).toBe(RANK[required] <= RANK[covered]);
  }
}

describe("fuzz: hostile schema edits through every output format", () => {
  it("every format parses with an independent parser, prints no foreign workflow command, and the verdict follows the rules table", () => {
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        setup,
        fc.constantFrom("diff" as const, "check" as const),
        (edits, s, command) => {
          const { before, after } = edited(edits);
          const options = optionsOf(before, after, s);
          const report = reportOf(command, before, after, { ...s, options });
          checkEveryFormat(report);
          checkVerdict(report, s);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("through the CLI in a git repository: exit 0 for diff, 0 or 1 for check as the verdict says, never 2", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        setup,
        fc.constantFrom(...FORMATS),
        async (edits, s, format) => {
          const { before, after } = edited(edits);
          const repo = tempRepo();
          try {
            for (const role of SCHEMA_ROLES)
              repo.write(`schemas/${SCHEMA_FILES[role]}`, `${JSON.stringify(after[role], null, 2)}\n`);
            if (s.requested !== "none")
              repo.write(".changeset/fuzz.md", `---\n"@org/error-types": ${s.requested}\n---\n\nfuzz\n`);
            const diff = await runCli(["diff", "--format", format], repo.root);
            expect(diff.stderr).toBe("");
            expect(diff.code).toBe(0);
            checkLogLines(diff.stdout, format);
            const check = await runCli(["check", "--format", format], repo.root);
            const ok = checkOf(before, after, { requested: s.requested }).ok;
            expect(check.code, check.stderr).toBe(ok ? 0 : 1);
            checkLogLines(check.stdout || check.stderr, format);
          } finally {
            repo.remove();
          }
        },
      ),
      { seed: SEED, numRuns: Math.max(4, Math.round(RUNS / 50)) },
    );
  });
});
