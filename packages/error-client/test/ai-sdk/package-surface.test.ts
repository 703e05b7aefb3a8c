import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import * as aiSdk from "../../src/ai-sdk/index.js";

const srcDir = fileURLToPath(new URL("../../src/ai-sdk/", import.meta.url));
const sources = readdirSync(srcDir).map((f) => ({ file: f, text: readFileSync(`${srcDir}${f}`, "utf8") }));
const dist = (file: string): string =>
  readFileSync(fileURLToPath(new URL(`../../dist/${file}`, import.meta.url)), "utf8");

describe("the @org/error-client/ai-sdk surface", () => {
  it("exports the integration's names", () => {
    expect(Object.keys(aiSdk).sort()).toEqual([
      "ContractCallError",
      "contractErrorStructure",
      "createContractFetch",
      "toApiError",
    ]);
  });

  it("the AI SDK and zod are optional peers (and exact dev dependencies), never dependencies", () => {
    for (const name of ["ai", "@ai-sdk/openai-compatible", "@ai-sdk/openai", "@ai-sdk/anthropic", "zod"]) {
      expect(pkg.peerDependenciesMeta[name as keyof typeof pkg.peerDependenciesMeta], name).toEqual({ optional: true });
      expect(pkg.devDependencies[name as keyof typeof pkg.devDependencies], name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(Object.keys(pkg.dependencies)).not.toContain(name);
    }
  });

  it.each(sources)(
    "$file: no node: imports, no export *, at most 200 lines; imports only zod/v4 besides the package",
    ({ text }) => {
      expect(text).not.toMatch(/from "node:|require\(|\bprocess\.|\bBuffer\b|export \*/);
      expect(text.split("\n").length).toBeLessThanOrEqual(200);
      for (const [, from] of text.matchAll(/from "([^"]+)"/g))
        expect(from).toMatch(/^(\.\.?\/|@org\/error-types$|zod\/v4$)/);
    },
  );
});

describe("the built subpath (dual ESM + CJS)", () => {
  const require = createRequire(import.meta.url);

  it("loads from both builds, and the main entry imports neither it nor zod", async () => {
    const cjs = require("../../dist/ai-sdk/index.cjs") as typeof aiSdk;
    const esm = (await import("../../dist/ai-sdk/index.js")) as typeof aiSdk;
    for (const mod of [cjs, esm]) expect(typeof mod.createContractFetch).toBe("function");
    for (const file of ["index.js", "index.cjs"]) expect(dist(file)).not.toMatch(/zod|ai-sdk|vercel\.ai/);
  });

  it("an error from the CJS build is an APICallError for the SDK and readable by the ESM build's toApiError", async () => {
    const cjs = require("../../dist/ai-sdk/index.cjs") as typeof aiSdk;
    const esm = (await import("../../dist/ai-sdk/index.js")) as typeof aiSdk;
    const { APICallError } = await import("ai");
    const body = JSON.stringify({
      error: { message: "Invalid channel key", type: "upstream_error", code: "channel:invalid_key" },
    });
    const wrapped = cjs.createContractFetch({ fetch: () => Promise.resolve(new Response(body, { status: 502 })) });
    const error = await wrapped("http://127.0.0.1:1/").catch((e: unknown) => e);
    expect(APICallError.isInstance(error)).toBe(true);
    expect(esm.toApiError(error)).toMatchObject({ code: "channel:invalid_key", status: 502 });
  });
});
