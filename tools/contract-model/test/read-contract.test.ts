import { describe, expect, it } from "vitest";
import {
  findRepoRoot,
  type JsonObject,
  readContract,
  readSchemaFiles,
  SchemaError,
  valueAt,
  VOCABULARY,
} from "../src/index.js";

const FILES = readSchemaFiles(findRepoRoot(import.meta.url));
const copy = (edit: (s: typeof FILES) => void = () => undefined) => {
  const s = structuredClone(FILES);
  edit(s);
  return s;
};
const settings = (s: typeof FILES) => s.envelope["x-contract"] as JsonObject;

describe("readContract, strict", () => {
  const contract = readContract(FILES, { strict: true });

  it("gives every code, type and status row with the pointer where it sits", () => {
    expect(contract.codes.length).toBeGreaterThan(20);
    for (const c of contract.codes) expect(valueAt(FILES.code, `${c.pointer}/const`)).toBe(c.code);
    for (const t of contract.types) expect(valueAt(FILES.type, `${t.pointer}/const`)).toBe(t.type);
    for (const r of contract.statuses) expect(valueAt(FILES.envelope, `${r.pointer}/status`)).toBe(r.status);
  });

  it("gives the contract-wide constants with their values and pointers", () => {
    const values = Object.fromEntries(Object.entries(contract.constants).map(([k, c]) => [k, c.value]));
    expect(values).toEqual({
      SHOULD_RETRY_HEADER: "x-should-retry",
      ERROR_CODE_HEADER: "x-error-code",
      REQUEST_ID_HEADER: "x-request-id",
      PROBLEM_JSON_MEDIA_TYPE: "application/problem+json",
      DOC_URL_MAX_LENGTH: 2048,
      UPSTREAM_PROVIDER_PATTERN: "^[a-z0-9][a-z0-9._-]*$",
      UPSTREAM_PROVIDER_MAX_LENGTH: 64,
    });
    for (const c of Object.values(contract.constants)) expect(valueAt(FILES.envelope, c.pointer)).toBe(c.value);
    expect(contract.names.docUrl).toEqual({ pattern: "^https?://[!-~]+$", maxLength: 2048 });
  });

  it("gives the record members in table order", () => {
    expect(contract.records.code.map((m) => m.member)).toEqual([
      "status",
      "statuses",
      "type",
      "meaning",
      "action",
      "retryable",
      "docUrl",
    ]);
    expect(contract.records.status.map((m) => m.member)).toEqual([
      "reason",
      "type",
      "retryAfter",
      "codeless",
      "meaning",
      "cause",
    ]);
  });

  it("throws a SchemaError naming the file and the pointer", () => {
    const broken = copy((s) => void (settings(s)["problemMediaType"] = 42));
    expect(() => readContract(broken, { strict: true })).toThrow(SchemaError);
    expect(() => readContract(broken, { strict: true })).toThrow(
      "schemas/error-envelope.schema.json#/x-contract/problemMediaType: must be a string",
    );
  });

  describe("the provider grammar (error.upstream.provider, contract 1.2)", () => {
    const provider = (s: typeof FILES) =>
      ((s.envelope["$defs"] as JsonObject)["ErrorBody"] as any).properties.upstream.properties.provider as JsonObject;

    it("is read as names.upstreamProvider", () => {
      expect(contract.names.upstreamProvider).toEqual({ pattern: "^[a-z0-9][a-z0-9._-]*$", maxLength: 64 });
    });

    it.each(["pattern", "maxLength"])("without its %s (the other stated) is refused, naming where", (part) => {
      const broken = copy((s) => void delete provider(s)[part]);
      expect(() => readContract(broken, { strict: true })).toThrow(
        "schemas/error-envelope.schema.json#/$defs/ErrorBody/properties/upstream/properties/provider: needs both a pattern and a maxLength",
      );
    });

    it("a contract before 1.2 (no error.upstream) has none", () => {
      const before = copy((s) => {
        const body = (s.envelope["$defs"] as JsonObject)["ErrorBody"] as any;
        delete body.properties.upstream;
        for (const d of Object.values((s.envelope["x-dialects"] as any).dialects) as any[]) {
          delete d.members.upstream;
          delete d.spread.upstream;
        }
      });
      const read = readContract(before, { strict: true });
      expect(read.names.upstreamProvider).toBeUndefined();
      expect(Object.keys(read.constants)).not.toContain("UPSTREAM_PROVIDER_PATTERN");
    });
  });

  it.each([undefined, null, {}, { strict: "yes" }])("options %j: a TypeError at once", (options) => {
    expect(() => readContract(FILES, options as never)).toThrow(TypeError);
  });

  it("files without a schema: a TypeError naming it", () => {
    const { lenient: _l, ...three } = FILES;
    expect(() => readContract(three as never, { strict: false })).toThrow("files needs the parsed schemas lenient");
  });
});

describe("readContract, lenient", () => {
  it("records what it finds in odd and old shapes, never throws, and keeps the strict problem", () => {
    const odd = copy((s) => {
      // The 1.0 table keyed by status, a code without metadata, no settings at all.
      s.envelope["x-http-statuses"] = { "400": { meaning: "Bad" }, "5xx": { meaning: "Upstream" } };
      delete ((s.code["anyOf"] as JsonObject[])[0] as JsonObject)["x-error"];
      delete s.envelope["x-contract"];
    });
    const found = readContract(odd, { strict: false });
    expect([...(found.statuses?.keys() ?? [])]).toEqual(["400", "5xx"]);
    expect(found.statuses?.get("5xx")?.pointer).toBe("/x-http-statuses/5xx");
    expect(found.codes[0]?.members["status"]).toBeUndefined();
    expect(found.codes[1]?.members["status"]).toBe(400);
    expect(found.settings).toEqual({ value: {}, file: "envelope", pointer: "/x-contract" });
    expect(found.facts["referenceUrl"]).toBeUndefined();
    expect(found.problem).toBeInstanceOf(SchemaError);
    expect(found.problem?.file).toBe("schemas/error-envelope.schema.json");
  });

  it("finds every contract-wide fact with its pointer, and no problem in the repository's schemas", () => {
    const found = readContract(FILES, { strict: false });
    expect(found.problem).toBeUndefined();
    expect(found.facts["shouldRetryHeader"]).toEqual({
      value: "x-should-retry",
      file: "envelope",
      pointer: "/x-contract/headers/shouldRetry",
    });
    expect(found.codes[2]?.otherStatuses.get(413)?.pointer).toBe("/anyOf/2/x-error/otherStatuses/0");
  });
});

describe("the vocabulary table", () => {
  it("every required row is stated in the repository's schemas, with its JSON type", () => {
    for (const [id, fact] of Object.entries(VOCABULARY)) {
      if (fact.pointer.includes("*") || !fact.required) continue;
      expect(valueAt(FILES[fact.file], fact.pointer), id).toBeDefined();
    }
  });

  it("lists the outputs that use each row: a constant is generated into facts, a record member into records", () => {
    for (const [id, fact] of Object.entries(VOCABULARY)) {
      const outputs: readonly string[] = fact.outputs;
      if ("constant" in fact) expect(outputs, id).toContain("facts");
      if ("record" in fact) expect(outputs, id).toContain("records");
      expect(outputs, id).toContain("contract-diff");
    }
  });

  it("names each constant and each record member once, and is frozen", () => {
    const constants = Object.values(VOCABULARY).flatMap((f) => ("constant" in f ? [f.constant] : []));
    expect(new Set(constants).size).toBe(constants.length);
    for (const name of constants) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/);
    for (const group of ["/anyOf/", "/x-http-statuses/"]) {
      const members = Object.values(VOCABULARY).flatMap((f) =>
        "record" in f && f.pointer.startsWith(group) ? [f.record.member] : [],
      );
      expect(new Set(members).size, group).toBe(members.length);
    }
    expect(Object.isFrozen(VOCABULARY)).toBe(true);
    expect(Object.isFrozen(VOCABULARY.codeStatus)).toBe(true);
  });
});
