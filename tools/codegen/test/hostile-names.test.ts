import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CodeEntry, JsonObject } from "../src/contract.js";
import { generateOpenApi } from "../src/targets/openapi.js";
import { generateSchemaCopies } from "../src/targets/schema-copies.js";
import { loadSmall } from "./small-schemas.js";
import { type Api, buildTypesPackage, withCodes } from "./types-package.js";

/**
 * Names a prototype lookup or an object-literal key could trip on: legal under the code
 * grammar `^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$` (lower case), and, outside it, the
 * inherited names themselves and `__proto__` (the emitters must not rely on the grammar).
 */
const GRAMMAR_NAMES = [
  "constructor",
  "prototype",
  "valueof",
  "tostring",
  "length",
  "hasownproperty",
  "channel:tostring",
  "constructor:prototype",
  "a",
];
const OUTSIDE_GRAMMAR = ["__proto__", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "isPrototypeOf"];
const STATUSES = [400, 413, 503] as const;

const base = loadSmall();
/** One code per name; its status, retryability and other status follow from its index. */
const entries = (names: readonly string[]): CodeEntry[] =>
  names.map((code, i) => ({
    code,
    status: STATUSES[i % 3] as number,
    otherStatuses: i % 3 === 0 ? [{ status: 413, when: "Too big" }] : [],
    type: i % 3 === 2 ? "down_error" : "bad_error",
    meaning: `Meaning of ${code}`,
    action: "Act",
    retryable: i % 2 === 1,
  }));

/** Every lookup answers for each code as its entry says, and for every other name as for no code. */
function expectLookups(api: Api, codes: CodeEntry[], others: readonly string[]): void {
  expect([...api.ERROR_CODES]).toEqual(codes.map((c) => c.code));
  expect(Object.keys(api.ERROR_CATALOG)).toEqual(codes.map((c) => c.code));
  expect(Object.getPrototypeOf(api.ERROR_CATALOG)).toBe(Object.prototype);
  for (const c of codes) {
    const statuses = [c.status, ...c.otherStatuses.map((o) => o.status)];
    expect(api.codeToHttpStatus(c.code), c.code).toBe(c.status);
    expect(api.isErrorCode(c.code), c.code).toBe(true);
    expect(api.isRetryableErrorCode(c.code), c.code).toBe(c.retryable);
    for (const s of STATUSES)
      expect(api.isStatusAllowedForCode(c.code, s), `${c.code} ${s}`).toBe(statuses.includes(s));
    const entry = Object.getOwnPropertyDescriptor(api.ERROR_CATALOG, c.code)?.value as Record<string, unknown>;
    expect(entry, c.code).toMatchObject({ status: c.status, statuses, retryable: c.retryable });
    expect(Object.isFrozen(entry) && Object.isFrozen(entry["statuses"]), c.code).toBe(true);
  }
  for (const name of others.filter((n) => !codes.some((c) => c.code === n))) {
    expect(api.codeToHttpStatus(name), name).toBeUndefined();
    expect(api.isErrorCode(name) || api.isRetryableErrorCode(name) || api.isStatusAllowedForCode(name, 400), name).toBe(
      false,
    );
  }
}

describe("emitted code for codes named like prototype members", () => {
  const codes = entries([...GRAMMAR_NAMES, ...OUTSIDE_GRAMMAR]);

  it("the generated catalog and HTTP modules compile (strict) and every lookup answers right", async () => {
    const { api, diagnostics } = await buildTypesPackage(withCodes(base, codes), { typecheck: true });
    expect(diagnostics).toEqual([]);
    expectLookups(api, codes, [...GRAMMAR_NAMES, ...OUTSIDE_GRAMMAR]);
  }, 60_000);

  it("any set of such names, in any order, with any statuses (property, fixed seed)", async () => {
    const pool = [...GRAMMAR_NAMES, ...OUTSIDE_GRAMMAR];
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: pool.length }),
        async (names) => {
          const picked = entries(names);
          const { api } = await buildTypesPackage(withCodes(base, picked), { typecheck: false });
          expectLookups(api, picked, pool);
        },
      ),
      { seed: 2020, numRuns: 25 },
    );
  }, 60_000);

  it("OpenAPI names each code's example by the code: all present as own keys, none lost to a collision", () => {
    const doc = JSON.parse(generateOpenApi(withCodes(base, codes))) as {
      components: { responses: Record<string, { content: Record<string, { examples: object }> }> };
    };
    for (const status of STATUSES) {
      const examples = doc.components.responses[`Error${status}`]?.content["application/json"]?.examples ?? {};
      const want = codes.filter((c) => c.status === status || c.otherStatuses.some((o) => o.status === status));
      expect(Object.keys(examples).filter((k) => k !== "no-code")).toEqual(want.map((c) => c.code));
    }
  });

  it("schema copies keep a member named __proto__ as a member", () => {
    const code = JSON.parse(
      '{"$id":"https://example.test/c.json","__proto__":{"polluted":true},"title":"C"}',
    ) as JsonObject;
    const contract = { ...base, schemas: { ...base.schemas, code } };
    const copy = JSON.parse(generateSchemaCopies(contract)[0]?.[1] ?? "{}") as object;
    expect(Object.keys(copy)).toEqual(["$id", "$comment", "__proto__", "title"]);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
