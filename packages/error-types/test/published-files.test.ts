import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  CONTRACT_VERSION,
  ERROR_CATALOG,
  ERROR_CODES,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  type HttpErrorStatus,
  RETRY_AFTER_STATUSES,
} from "../src/index.js";
import pkg from "../package.json" with { type: "json" };

const read = (rel: string): Record<string, unknown> =>
  JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), "utf8")) as Record<string, unknown>;

const SCHEMAS = [
  "error-envelope.schema.json",
  "error-envelope.lenient.schema.json",
  "error-code.schema.json",
  "error-type.schema.json",
];

describe("schemas shipped as subpath exports", () => {
  it.each(SCHEMAS)("%s is exported and equals the source schema (plus a banner)", (file) => {
    const exported = (pkg.exports as Record<string, unknown>)[`./schemas/${file}`];
    expect(exported).toBe(`./schemas/${file}`);
    const { $comment, ...copy } = read(`../schemas/${file}`);
    expect($comment).toContain("pnpm generate");
    expect(copy).toEqual(read(`../../../schemas/${file}`));
  });

  it("exports no wildcard subpath", () => {
    expect(Object.keys(pkg.exports).filter((k) => k.includes("*"))).toEqual([]);
  });
});

describe("OpenAPI components document", () => {
  const doc = read("../openapi.json") as {
    openapi: string;
    info: { version: string };
    components: {
      schemas: Record<string, unknown>;
      responses: Record<
        string,
        {
          description: string;
          headers: Record<string, unknown>;
          content: Record<
            string,
            { examples: Record<string, { value: { error: { code: string | null; type: string } } }> }
          >;
        }
      >;
    };
  };

  it("is OpenAPI 3.1 at the contract's version, exported as @org/error-types/openapi.json", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe(CONTRACT_VERSION);
    expect((pkg.exports as Record<string, unknown>)["./openapi.json"]).toBe("./openapi.json");
  });

  it("every $ref points at a component that exists", () => {
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const path = ref.slice(8, -1).replace(/^#\//, "").split("/");
      let node: unknown = doc;
      for (const part of path) node = (node as Record<string, unknown>)[part];
      expect(node, ref).toBeDefined();
    }
  });

  it("has one response per contract status, with an example for every code at every status it may be sent with", () => {
    const seen: string[] = [];
    for (const [name, response] of Object.entries(doc.components.responses)) {
      const status = Number(name.replace("Error", "")) as HttpErrorStatus;
      let codeless = false;
      for (const example of Object.values(response.content["application/json"]?.examples ?? {})) {
        const { code, type } = example.value.error;
        if (code === null) {
          codeless = true;
          expect(type).toBe(HTTP_STATUSES[status].type);
          continue;
        }
        seen.push(`${code}@${status}`);
        expect(ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].type).toBe(type);
      }
      expect(codeless, name).toBe(HTTP_STATUSES[status].codeless);
      expect(response.description, name).toContain(`${status} ${HTTP_STATUSES[status].reason}`);
      expect("retry-after" in response.headers, name).toBe(RETRY_AFTER_STATUSES.includes(status as never));
    }
    expect(Object.keys(doc.components.responses)).toEqual(HTTP_ERROR_STATUSES.map((s) => `Error${s}`));
    expect(seen.sort()).toEqual(
      ERROR_CODES.flatMap((code) => ERROR_CATALOG[code].statuses.map((s) => `${code}@${s}`)).sort(),
    );
  });
});
