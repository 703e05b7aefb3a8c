import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as otelApi from "@opentelemetry/api";
import * as otelContext from "@opentelemetry/context-async-hooks";
import * as otelSdk from "@opentelemetry/sdk-trace-base";
import { afterAll, describe, expect, it } from "vitest";
import * as client from "../src/index.js";

// Runs the README's OpenTelemetry example (a ```typescript block that imports @opentelemetry/api).
const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const blocks = [...README.matchAll(/```typescript\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .filter((code) => code.includes("@opentelemetry/api"));
const MODULES: Record<string, Record<string, unknown>> = {
  "@org/error-client": client,
  "@opentelemetry/api": otelApi,
  "@opentelemetry/context-async-hooks": otelContext,
  "@opentelemetry/sdk-trace-base": otelSdk,
};

const dir = mkdtempSync(join(tmpdir(), "error-client-readme-otel-"));
afterAll(() => {
  otelApi.trace.disable();
  otelApi.context.disable();
  rmSync(dir, { recursive: true, force: true });
});

describe("README OpenTelemetry example", () => {
  it("exists and prints what it says", async () => {
    expect(blocks.length).toBe(1);
    const code = blocks[0] as string;
    const prints = [...code.matchAll(/\/\/ => (.*)$/gm)].map((m) => m[1]);
    const logs: string[] = [];
    (globalThis as Record<string, unknown>)["__readmeOtel"] = {
      modules: MODULES,
      log: (...args: unknown[]) => logs.push(args.map(String).join(" ")),
    };
    const prepared = code
      .replace(/^import \{([^}]*)\} from "([^"]+)";$/gm, (_all, named: string, from: string) => {
        if (!(from in MODULES)) throw new Error(`README imports ${from}, which this test does not provide`);
        return `const {${named}} = (globalThis as any).__readmeOtel.modules[${JSON.stringify(from)}];`;
      })
      .replaceAll("console.log(", "(globalThis as any).__readmeOtel.log(");
    const file = join(dir, "otel-example.ts");
    writeFileSync(file, `${prepared}\nexport {};\n`);
    await import(pathToFileURL(file).href);
    expect(prints.length).toBeGreaterThan(0);
    expect(logs).toEqual(prints);
  });
});
