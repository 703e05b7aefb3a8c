import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createError, toErrorResponse } from "@org/error-server";
import { sendError } from "@org/error-server/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as client from "../src/index.js";

const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");
const SRC = fileURLToPath(new URL("../src/index.ts", import.meta.url));

/** The README's runnable examples: ```ts blocks that import this package. */
const examples = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "").filter((code) => code.includes('from "@org/error-client"'));

let server: Server;
let baseUrl: string;
const dir = mkdtempSync(join(tmpdir(), "error-client-readme-"));
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/v1/models/gpt-9") return sendError(res, createError("model_not_found", "The model gpt-9 does not exist"), { requestId: "req_42" });
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("data: Hel\n\ndata: lo\n\n");
    res.end(`data: ${JSON.stringify(toErrorResponse(createError("channel:response_time_exceeded")).body)}\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
});

describe("README examples run and print what they say", () => {
  it("has examples", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((code, i) => ({ i, code })))("example $i", async ({ i, code }) => {
    const want = [...code.matchAll(/console\.log\(.*\); \/\/ => (.*)$/gm)].map((m) => m[1]);
    const logs: string[] = [];
    (globalThis as Record<string, unknown>)["__readmeLog"] = (...args: unknown[]) => logs.push(args.map(String).join(" ").replaceAll(baseUrl, "http://127.0.0.1"));
    const source = `const baseUrl = ${JSON.stringify(baseUrl)};\n${code
      .replace('from "@org/error-client"', `from ${JSON.stringify(SRC)}`)
      .replaceAll("console.log(", "(globalThis as any).__readmeLog(")}\nexport {};\n`;
    const file = join(dir, `example-${i}.ts`);
    writeFileSync(file, source);
    await import(pathToFileURL(file).href);
    expect(logs).toEqual(want);
  });
});

describe("README documents the API", () => {
  it("every export of the package is named in the README", () => {
    for (const name of Object.keys(client)) expect(README, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it("the retry defaults table matches DEFAULT_RETRY_POLICY", () => {
    const table = README.slice(README.indexOf("### Retry defaults"));
    const rows = new Map([...table.matchAll(/^\| `(\w+)` \| (.+?) \|/gm)].map((m) => [m[1], m[2]]));
    const render = (v: unknown): string => (typeof v === "function" ? "`Math.random`" : Array.isArray(v) ? `\`[${v.join(", ")}]\`` : `\`${String(v)}\``);
    for (const [key, value] of Object.entries(client.DEFAULT_RETRY_POLICY)) {
      expect(rows.has(key), `README lacks a row for ${key}`).toBe(true);
      if (key !== "retryableCodes") expect(rows.get(key), key).toBe(render(value));
    }
    const listed = table.slice(table.indexOf("Retryable catalog codes:")).split("\n\n")[0] ?? "";
    expect([...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort()).toEqual([...client.DEFAULT_RETRY_POLICY.retryableCodes].sort());
  });

  it("the limits table matches the exported constants", () => {
    const limits = ["DEFAULT_MAX_BODY_BYTES", "MAX_DETAIL_LENGTH", "MAX_TEXT_DETAIL_LENGTH", "MAX_BODY_SNIPPET_LENGTH", "DEFAULT_MAX_SSE_EVENT_LENGTH"] as const;
    for (const name of limits) expect(README).toContain(`| \`${name}\` | \`${client[name]}\` |`);
  });
});
