import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import {
  CONTRACT_VERSION,
  ERROR_CATALOG,
  ERROR_CATALOG_JSON,
  ERROR_CODES,
  ERROR_REFERENCE_URL,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  isStatusAllowedForCode,
} from "../src/index.js";
import pkg from "../package.json" with { type: "json" };
import { referenceCodes } from "./reference.js";

const exported = (subpath: string): string => {
  const target = (pkg.exports as Record<string, unknown>)[subpath];
  if (typeof target !== "string") throw new Error(`${subpath} is not exported`);
  return readFileSync(fileURLToPath(new URL(`../${target}`, import.meta.url)), "utf8");
};
const json = (subpath: string): Record<string, unknown> => JSON.parse(exported(subpath)) as Record<string, unknown>;

interface Catalog {
  $schema: string;
  $comment: string;
  contract_version: string;
  reference_url: string;
  statuses: Array<Record<string, unknown>>;
  codes: Array<{
    code: string;
    status: number;
    statuses: number[];
    other_statuses: Array<{ status: number; when: string }>;
    type: string;
    meaning: string;
    action: string;
    retryable: boolean;
    doc_url: string;
  }>;
}
const catalog = json("./errors.json") as unknown as Catalog;
const schema = json("./errors.schema.json");

/** ajv in strict mode, with a `uri` format that accepts what the URL parser accepts. */
function validator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat("uri", (s: string) => URL.canParse(s) && /^[a-z][a-z0-9+.-]*:/i.test(s));
  return ajv.compile(schema);
}

describe("@org/error-types/errors.json", () => {
  const validate = validator();

  it("is valid against @org/error-types/errors.schema.json, which it names as its $schema", () => {
    expect(validate(catalog), JSON.stringify(validate.errors)).toBe(true);
    expect(catalog.$schema).toBe(schema["$id"]);
    expect(catalog.$comment).toContain("pnpm generate");
    expect(schema["$comment"]).toContain("pnpm generate");
  });

  // The schema must be able to say no: each broken variant is rejected.
  const broken: Array<[string, (c: Catalog) => void]> = [
    ["a code without doc_url", (c) => delete (c.codes[0] as Partial<Catalog["codes"][number]>).doc_url],
    ["a status as a string", (c) => ((c.codes[0] as unknown as { status: string }).status = "400")],
    ["a status outside 400-599", (c) => ((c.codes[0] as { status: number }).status = 302)],
    ["an empty statuses list", (c) => ((c.codes[0] as { statuses: number[] }).statuses = [])],
    ["a repeated status", (c) => ((c.codes[0] as { statuses: number[] }).statuses = [400, 400])],
    [
      "an other status without when",
      (c) => ((c.codes[0] as { other_statuses: unknown[] }).other_statuses = [{ status: 413 }]),
    ],
    ["a status row without reason", (c) => delete (c.statuses[0] as Record<string, unknown>)["reason"]],
    ["a relative doc_url", (c) => ((c.codes[0] as { doc_url: string }).doc_url = "#invalid_request")],
    ["retryable as a string", (c) => ((c.codes[0] as unknown as { retryable: string }).retryable = "no")],
    ["an unknown member", (c) => ((c as unknown as Record<string, unknown>)["extra"] = 1)],
    ["no contract_version", (c) => delete (c as Partial<Catalog>).contract_version],
    ["no codes", (c) => (c.codes = [])],
  ];
  it.each(broken)("the schema rejects %s", (_, breakIt) => {
    const copy = structuredClone(catalog);
    breakIt(copy);
    expect(validate(copy)).toBe(false);
  });

  it("lists every code in reference order with the catalog's facts and the reference's texts verbatim", () => {
    expect(catalog.contract_version).toBe(CONTRACT_VERSION);
    expect(catalog.reference_url).toBe(ERROR_REFERENCE_URL);
    expect(catalog.codes.map((c) => c.code)).toEqual([...ERROR_CODES]);
    for (const [i, ref] of referenceCodes().entries()) {
      const c = catalog.codes[i];
      const entry = ERROR_CATALOG[ref.code as keyof typeof ERROR_CATALOG];
      expect({ ...c, other_statuses: undefined }, ref.code).toEqual({
        code: ref.code,
        status: entry.status,
        statuses: [...entry.statuses],
        other_statuses: undefined,
        type: entry.type,
        meaning: ref.meaning,
        action: ref.action,
        retryable: entry.retryable,
        doc_url: entry.docUrl,
      });
      expect(
        c?.other_statuses.map((o) => o.status),
        ref.code,
      ).toEqual(entry.statuses.slice(1));
    }
  });

  it("ERROR_CATALOG_JSON is its text, byte for byte (what services serve)", () => {
    expect(ERROR_CATALOG_JSON).toBe(exported("./errors.json"));
  });

  it("has the contract's HTTP status table, each row with the codes that may be sent with it", () => {
    expect(catalog.statuses.map((s) => s["status"])).toEqual([...HTTP_ERROR_STATUSES]);
    for (const row of catalog.statuses) {
      const status = row["status"] as keyof typeof HTTP_STATUSES;
      const { retryAfter, codeless, ...rest } = HTTP_STATUSES[status];
      expect(row, String(status)).toEqual({
        status,
        ...rest,
        retry_after: retryAfter,
        codeless,
        codes: ERROR_CODES.filter((code) => isStatusAllowedForCode(code, status)),
      });
    }
  });
});

describe("@org/error-types/errors.html", () => {
  const html = exported("./errors.html");

  // Contract 1.2 added the dialects and a table per provider's upstream mapping (about 140 rules): about 135 KB, 15 KB gzip.
  it("is under 200 KB and carries the do-not-edit banner naming the command", () => {
    expect(Buffer.byteLength(html)).toBeLessThan(200 * 1024);
    expect(html.split("\n")[1]).toMatch(/^<!-- Generated .*do not edit.*pnpm generate.* -->$/);
  });

  it("is self-contained: no external script, style, image, font or frame", () => {
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b[^>]*\b(src|href)="(?!data:|#)/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it("has one anchor per code, the code verbatim, and each doc_url points at one", () => {
    for (const c of catalog.codes) {
      expect(html.split(` id="${c.code}"`).length - 1, c.code).toBe(1);
      expect(c.doc_url.slice(c.doc_url.indexOf("#") + 1)).toBe(c.code);
    }
  });

  it("its Content-Security-Policy allows exactly its inline style and script (by hash)", () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? "";
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(style)};`);
    expect(csp).toContain(`script-src ${hash(script)};`);
    expect(csp).not.toContain("unsafe-inline");
    expect(html).not.toMatch(/\sstyle="|\son[a-z]+="/i);
  });
});

describe("subpath exports of the reference files", () => {
  it.each([
    ["./errors.html", "./reference/errors.html"],
    ["./errors.json", "./reference/errors.json"],
    ["./errors.schema.json", "./reference/errors.schema.json"],
  ])("%s -> %s, and the folder is published", (subpath, target) => {
    expect((pkg.exports as Record<string, unknown>)[subpath]).toBe(target);
    expect(pkg.files).toContain("reference");
  });
});
