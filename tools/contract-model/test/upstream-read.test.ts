import { describe, expect, it } from "vitest";
import {
  findRepoRoot,
  type JsonObject,
  readContract,
  readSchemaFiles,
  readUpstreamFiles,
  readUpstreamMappings,
  SchemaError,
  type UpstreamDocuments,
  valueAt,
} from "../src/index.js";

const ROOT = findRepoRoot(import.meta.url);
const CONTRACT = readContract(readSchemaFiles(ROOT), { strict: true });
const DOCS = readUpstreamFiles(ROOT);

/** A copy of the mapping documents with `edit` applied to one provider's file (or to the whole set). */
function edited(provider: string, edit: (doc: JsonObject, docs: UpstreamDocuments) => void): UpstreamDocuments {
  const docs = structuredClone(DOCS);
  const file = docs.files.find((f) => f.file.endsWith(`/${provider}.json`));
  if (!file) throw new Error(`no mapping file for ${provider}`);
  edit(file.doc, docs);
  return docs;
}
const rules = (doc: JsonObject) => doc["rules"] as JsonObject[];
const refusal = (docs: UpstreamDocuments): SchemaError => {
  try {
    readUpstreamMappings(docs, CONTRACT);
  } catch (e) {
    if (e instanceof SchemaError) return e;
    throw e;
  }
  throw new Error("the reader accepted the mapping");
};

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

  // Each refusal names the file and the JSON Pointer of what is wrong.
  it.each<[string, string, (doc: JsonObject, docs: UpstreamDocuments) => void, string, RegExp]>([
    [
      "an unknown rule member",
      "openai",
      (d) => void (rules(d)[0]!["extra"] = 1),
      "/rules/0/extra",
      /unknown member "extra"/,
    ],
    [
      "an unknown match member",
      "openai",
      (d) => void ((rules(d)[0]!["match"] as JsonObject)["body"] = "x"),
      "/rules/0/match/body",
      /unknown member/,
    ],
    ["a missing source", "openai", (d) => void delete rules(d)[0]!["source"], "/rules/0/source", /required/],
    [
      "a source that is not https",
      "openai",
      (d) => void (rules(d)[0]!["source"] = "http://example.com/x"),
      "/rules/0/source",
      /pattern/,
    ],
    [
      "a disposition outside the set",
      "openai",
      (d) => void (rules(d)[0]!["disposition"] = "retry"),
      "/rules/0/disposition",
      /must be equal to constant|anyOf/,
    ],
    ["an id outside the grammar", "openai", (d) => void (rules(d)[0]!["id"] = "OpenAI.x"), "/rules/0/id", /pattern/],
    [
      "a message pattern not anchored",
      "openai",
      (d) => void ((rules(d)[0]!["match"] as JsonObject)["message"] = "quota"),
      "/rules/0/match/message",
      /pattern/,
    ],
    [
      "a message pattern that does not compile",
      "openai",
      (d) => void ((rules(d)[0]!["match"] as JsonObject)["message"] = "^(quota"),
      "/rules/0/match/message",
      /not a regular expression/,
    ],
    [
      "a code outside the catalog",
      "openai",
      (d) => void (rules(d)[0]!["code"] = "upstream_unauthorized"),
      "/rules/0/code",
      /not a code of the catalog/,
    ],
    [
      "a status the code is not sent with",
      "openai",
      (d) => void (rules(d)[0]!["status"] = 401),
      "/rules/0/status",
      /channel:invalid_key" is sent with 502, not 401/,
    ],
    [
      "a null code without a status",
      "openai",
      (d) => void Object.assign(rules(d)[0]!, { code: null, status: undefined }),
      "/rules/0/code",
      /a null code needs a status/,
    ],
    [
      "a null code with a status that needs a code",
      "openai",
      (d) => void Object.assign(rules(d)[0]!, { code: null, status: 403 }),
      "/rules/0/status",
      /may not go without a code/,
    ],
    [
      "an id of another provider",
      "openai",
      (d) => void (rules(d)[0]!["id"] = "anthropic.x"),
      "/rules/0/id",
      /must start with "openai\."/,
    ],
    [
      "an id used twice",
      "openai",
      (d) => void (rules(d)[1]!["id"] = rules(d)[0]!["id"] as string),
      "/rules/1/id",
      /already used at schemas\/upstream\/openai\.json#\/rules\/0/,
    ],
    [
      "a provider that is not the file's name",
      "openai",
      (d) => void (d["provider"] = "open-ai"),
      "/provider",
      /must be the file's name/,
    ],
    [
      "a status range that runs downwards",
      "openai",
      (d) => void ((rules(d)[0]!["match"] as JsonObject)["status"] = [[599, 500]]),
      "/rules/0/match/status/0",
      /runs downwards/,
    ],
    [
      "a transport failure with a status",
      "generic",
      (d) =>
        void (rules(d).find((r) => (r["match"] as JsonObject)["failure"])!["match"] = {
          failure: ["dns"],
          status: [502],
        }),
      "/match/status",
      /cannot go with "failure"/,
    ],
    [
      "a credential rule that answers retryable",
      "openai",
      (d) => void (rules(d)[0]!["code"] = "do_request_failed"),
      "/rules/0/disposition",
      /"credential" needs a non-retryable answer, but do_request_failed with 502 is retryable/,
    ],
    [
      "a rate-limit rule that answers non-retryable",
      "openai",
      (d) =>
        void Object.assign(
          rules(d).find((r) => r["disposition"] === "rate_limit")!,
          { code: null, status: 400 },
        ),
      "/disposition",
      /"rate_limit" needs a retryable answer/,
    ],
    [
      "a rule after a catch-all",
      "generic",
      (d) =>
        void rules(d).splice(rules(d).findIndex((r) => Object.keys(r["match"] as JsonObject).length === 0) + 1, 0, {
          id: "generic.late",
          match: { status: [418] },
          code: null,
          status: 400,
          disposition: "request",
          description: "x",
          source: "https://example.com/",
        }),
      "/rules/",
      /"generic\.late" is never reached: "generic\.other-status" before it/,
    ],
    [
      "a fallback without a rule for a transport failure",
      "generic",
      (d) => {
        const m = rules(d).find((r) =>
          ((r["match"] as JsonObject)["failure"] as string[] | undefined)?.includes("dns"),
        )!["match"] as JsonObject;
        m["failure"] = (m["failure"] as string[]).filter((f) => f !== "dns");
      },
      "/rules",
      /needs a rule for the transport failure "dns"/,
    ],
    [
      "a fallback without a catch-all for streams",
      "generic",
      (d) => void (d["rules"] = rules(d).filter((r) => (r["match"] as JsonObject)["in"] !== "stream")),
      "/rules",
      /every error seen in stream/,
    ],
  ])("refuses %s, naming the file and the pointer", (_name, provider, edit, pointer, says) => {
    const e = refusal(edited(provider, edit));
    expect(e.file).toBe(`schemas/upstream/${provider}.json`);
    expect(e.pointer.startsWith(pointer) || e.pointer.endsWith(pointer)).toBe(true);
    expect(e.message).toMatch(says);
    expect(e.message.startsWith(`schemas/upstream/${provider}.json#/`)).toBe(true);
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
