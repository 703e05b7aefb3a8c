import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findRepoRoot,
  isJsonObject,
  type Json,
  type JsonObject,
  readContract,
  readSchemaFiles,
  readUpstreamFiles,
  readUpstreamMappings,
  SchemaError,
  valueAt,
} from "../src/index.js";

const ROOT = findRepoRoot(import.meta.url);
const CONTRACT = readContract(readSchemaFiles(ROOT), { strict: true });
const DOCS = readUpstreamFiles(ROOT);
const SEED = 20261225;

/** The contract's facts read straight from the schema files (not through the reader): code -> statuses and retryable. */
const CODES = new Map(
  (readSchemaFiles(ROOT).code["anyOf"] as JsonObject[]).map((a) => {
    const meta = a["x-error"] as JsonObject;
    const others = ((meta["otherStatuses"] as JsonObject[] | undefined) ?? []).map((o) => o["status"] as number);
    return [
      a["const"] as string,
      { statuses: [meta["status"] as number, ...others], retryable: meta["retryable"] === true },
    ];
  }),
);
const ROWS = readSchemaFiles(ROOT).envelope["x-http-statuses"] as JsonObject[];
const CODELESS = new Set(ROWS.filter((r) => r["codeless"] === true).map((r) => r["status"] as number));
/** The contract's retry rule for a codeless status, as docs/errors.md states it: 408, 409, 429 and 5xx but 501 and 505. */
const codelessRetry = (s: number): boolean =>
  [408, 409, 429].includes(s) || (s >= 500 && s <= 599 && s !== 501 && s !== 505);
/** The dispositions whose answers must (not) be retryable, read from the mapping schema's anyOf. */
const WANTS = new Map(
  (((DOCS.schema["$defs"] as JsonObject)["disposition"] as JsonObject)["anyOf"] as JsonObject[]).map((d) => [
    d["const"] as string,
    d["x-retryable"] as boolean | null,
  ]),
);

const CODE = fc.oneof(
  fc.constantFrom(...CODES.keys()),
  fc.constant(null),
  fc.constantFrom("rate_limited", "", "Channel:x"),
);
const STATUS = fc.option(
  fc.oneof(fc.constantFrom(...ROWS.map((r) => r["status"] as number)), fc.integer({ min: 100, max: 700 })),
  {
    nil: undefined,
  },
);
const DISPOSITION = fc.oneof(fc.constantFrom(...WANTS.keys()), fc.constant("retry"));
const EDIT = fc.record({ file: fc.nat(), rule: fc.nat(), code: CODE, status: STATUS, disposition: DISPOSITION });

describe("readUpstreamMappings over generated rule answers", () => {
  it("accepts only answers legal in the contract and as retryable as the disposition says; every refusal names the file and a pointer into it", () => {
    fc.assert(
      fc.property(EDIT, ({ file, rule, code, status, disposition }) => {
        const docs = structuredClone(DOCS);
        const target = docs.files[file % docs.files.length]!;
        const rules = target.doc["rules"] as JsonObject[];
        const edited = rules[rule % rules.length]!;
        Object.assign(edited, { code, disposition });
        if (status === undefined) delete edited["status"];
        else edited["status"] = status;
        let error: unknown;
        try {
          readUpstreamMappings(docs, CONTRACT);
        } catch (e) {
          error = e;
        }
        const resolved = code === null ? status : (status ?? CODES.get(code)?.statuses[0]);
        const legal =
          code === null
            ? status !== undefined && CODELESS.has(status)
            : CODES.has(code) && resolved !== undefined && (CODES.get(code)?.statuses.includes(resolved) ?? false);
        const wants = WANTS.get(disposition);
        const retryable = code === null ? codelessRetry(resolved ?? 0) : CODES.get(code)?.retryable;
        const consistent = wants !== undefined && (wants === null || wants === retryable);
        if (error === undefined) {
          // Accepted: the answer is legal and fits the disposition, by an independent reading of the schemas.
          expect(legal).toBe(true);
          expect(consistent).toBe(true);
          return;
        }
        expect(error).toBeInstanceOf(SchemaError);
        const e = error as SchemaError;
        expect(e.file).toBe(target.file);
        // The pointer leads into the file: its parent exists (a missing member's own pointer may not).
        const parent = e.pointer.slice(0, e.pointer.lastIndexOf("/"));
        expect(valueAt(target.doc as Json, parent)).toBeDefined();
        expect(
          isJsonObject(valueAt(target.doc as Json, parent)) || Array.isArray(valueAt(target.doc as Json, parent)),
        ).toBe(true);
        expect(legal && consistent).toBe(false);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
