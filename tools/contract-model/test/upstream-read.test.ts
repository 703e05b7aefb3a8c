import { describe, expect, it } from "vitest";
import { type JsonObject, readUpstreamMappings, valueAt } from "../src/index.js";
import { CONTRACT, DOCS, refusal } from "./upstream-read-helpers.js";

describe("readUpstreamMappings", () => {
  const read = readUpstreamMappings(DOCS, CONTRACT);

  it("reads every provider file, generic last, each rule with its resolved status and pointer", () => {
    expect(read.providers.map((p) => p.provider).at(-1)).toBe("generic");
    expect(read.providers.length).toBe(DOCS.files.length);
    for (const p of read.providers) {
      const doc = DOCS.files.find((f) => f.file === p.file)?.doc;
      for (const r of p.rules) {
        expect(valueAt(doc, `${r.pointer}/id`)).toBe(r.id);
        expect(typeof r.status).toBe("number");
      }
    }
    const ids = read.providers.flatMap((p) => p.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives the schema's enums in schema order", () => {
    expect(read.dispositions.map((d) => d.value)).toContain("credential");
    expect(read.dispositions.find((d) => d.value === "credential")?.retryable).toBe(false);
    expect(read.seenIn[0]?.value).toBe("body");
    expect(read.failures.map((f) => f.value)).toContain("reset_after_headers");
  });

  it("refuses a set without the generic fallback, naming the missing file", () => {
    const docs = structuredClone(DOCS);
    docs.files = docs.files.filter((f) => !f.file.endsWith("/generic.json"));
    expect(refusal(docs).message).toMatch(/^schemas\/upstream\/generic\.json: is missing/);
  });

  it("refuses a mapping schema ajv rejects in strict mode, naming the schema file", () => {
    const docs = structuredClone(DOCS);
    docs.schema["x-unknown"] = true;
    expect(refusal(docs).message).toMatch(/^schemas\/upstream-mapping\.schema\.json: rejected by ajv in strict mode/);
  });

  it("refuses a disposition without x-retryable of the right type, naming the schema pointer", () => {
    const docs = structuredClone(DOCS);
    const d = (docs.schema["$defs"] as JsonObject)["disposition"] as JsonObject;
    (d["anyOf"] as JsonObject[])[0]!["x-retryable"] = "no";
    const e = refusal(docs);
    expect(e.file).toBe("schemas/upstream-mapping.schema.json");
    expect(e.pointer).toBe("/$defs/disposition/anyOf/0/x-retryable");
  });
});
