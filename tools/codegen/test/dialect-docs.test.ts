import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { generateAll } from "../src/generate.js";
import { OUT } from "../src/layout.js";
import { loadContract } from "../src/load.js";
import { parseMarkdown } from "./markdown-parse.js";
import { REPO_ROOT } from "./temp-repo.js";

const files = await generateAll(REPO_ROOT);
const contract = loadContract(REPO_ROOT);
const docs = files.get(OUT.docs) ?? "";
const html = files.get(OUT.reference("errors.html")) ?? "";
const catalog = JSON.parse(files.get(OUT.reference("errors.json")) ?? "{}") as Record<string, any>;
const section = docs.slice(docs.indexOf("## Dialects"));

describe("the Dialects section of docs/errors.md and the reference page, from x-dialects", () => {
  it("places every envelope member per dialect, with the status and the constants", () => {
    const places = parseMarkdown(section).tables[1];
    expect(places?.rows.map((r) => r[0])).toEqual([
      ...Object.keys(contract.dialects.dialects[0]?.members ?? {}),
      "HTTP status (a number)",
      "always",
    ]);
    const code = places?.rows.find((r) => r[0] === "code");
    expect(code).toEqual(["code", ...contract.dialects.dialects.map((d) => d.members["code"])]);
    expect(places?.rows.find((r) => r[0] === "HTTP status (a number)")).toEqual([
      "HTTP status (a number)",
      "-",
      "-",
      "/error/code",
    ]);
  });

  it("names the surface type at every status (Gemini's status enum, Anthropic's overloaded_error at 503)", () => {
    const byStatus = parseMarkdown(section).tables[3];
    expect(byStatus?.rows).toHaveLength(contract.statuses.length);
    expect(byStatus?.rows.find((r) => r[0] === "429")).toEqual([
      "429",
      "rate_limit_error",
      "rate_limit_error",
      "rate_limit_error",
      "RESOURCE_EXHAUSTED",
    ]);
    expect(byStatus?.rows.find((r) => r[0] === "503")).toEqual([
      "503",
      "upstream_error",
      "upstream_error",
      "overloaded_error (by status)",
      "UNAVAILABLE",
    ]);
  });

  it("shows each dialect's example body and its stream event, the same on the page", () => {
    for (const d of catalog["dialects"] as Array<{ dialect: string }>) {
      expect(section).toContain(`### \`${d.dialect}\``);
      expect(html).toContain(`<h3 id="dialect-${d.dialect}">`);
    }
    expect(section).toContain(
      'event: error\ndata: {"type":"error","error":{"message":"No available channel","type":"overloaded_error"',
    );
    expect(html).toContain("event: error\ndata: {&quot;type&quot;:&quot;error&quot;");
    expect(html).toContain('<h2 id="dialects">Dialects</h2>');
  });
});

describe("errors.json carries the dialects", () => {
  it("one entry per dialect, in schema order, with the data of x-dialects, valid against errors.schema.json", () => {
    const dialects = catalog["dialects"] as Array<Record<string, unknown>>;
    expect(dialects.map((d) => d["dialect"])).toEqual(["openai", "anthropic", "gemini"]);
    for (const [i, d] of contract.dialects.dialects.entries())
      expect(dialects[i]).toMatchObject({
        members: d.members,
        types: d.types,
        status_types: d.statusTypes,
        sse: d.sse,
        request_id_headers: d.requestIdHeaders,
      });
    const schema = JSON.parse(files.get(OUT.reference("errors.schema.json")) ?? "{}") as Record<string, unknown>;
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validate(schema, catalog), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validate(schema, { ...catalog, dialects: [{ ...dialects[0], codeless: "never" }] })).toBe(false);
  });
});
