import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as client from "../src/index.js";
import pkg from "../package.json" with { type: "json" };

const srcDir = fileURLToPath(new URL("../src/", import.meta.url));
const sources = readdirSync(srcDir)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({ file: f, text: readFileSync(`${srcDir}${f}`, "utf8") }));

describe("the package surface", () => {
  it("exports every name of the issue's API", () => {
    for (const name of [
      "ApiError",
      "parseErrorResponse",
      "parseErrorBody",
      "isApiError",
      "isRetryable",
      "retryDelayMs",
      "fetchWithContract",
      "readSseEvents",
      "DEFAULT_RETRY_POLICY",
    ]) {
      expect(client, name).toHaveProperty(name);
    }
  });

  it("has no runtime dependency besides @org packages", () => {
    expect(Object.keys(pkg.dependencies).filter((d) => !d.startsWith("@org/"))).toEqual([]);
  });

  it.each(sources)("$file runs outside Node: no node: imports, no process, no Buffer; no export *", ({ text }) => {
    expect(text).not.toMatch(/from "node:|require\(|\bprocess\.|\bBuffer\b/);
    expect(text).not.toMatch(/export \*/);
  });

  it("every source file is one concept of at most 200 lines", () => {
    for (const { file, text } of sources) expect(text.split("\n").length, file).toBeLessThanOrEqual(200);
  });
});

describe("the built package (dual ESM + CJS)", () => {
  const require = createRequire(import.meta.url);

  it("an ApiError from the CJS build is recognised by the ESM build, and the reverse", async () => {
    const cjs = require("../dist/index.cjs") as typeof client;
    const esm = (await import("../dist/index.js")) as typeof client;
    const fromCjs = cjs.parseErrorBody({ status: 503, body: { error: { message: "m", code: "get_channel_failed" } } });
    const fromEsm = esm.parseErrorBody({ status: 404, body: { error: { message: "m", code: "model_not_found" } } });
    expect(esm.isApiError(fromCjs, "get_channel_failed")).toBe(true);
    expect(cjs.isApiError(fromEsm, "model_not_found")).toBe(true);
    expect(esm.isRetryable(fromCjs)).toBe(true);
    expect(cjs.isRetryable(fromEsm)).toBe(false);
  });
});
