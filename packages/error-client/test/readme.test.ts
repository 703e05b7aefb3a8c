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
const SERVER_README = readFileSync(fileURLToPath(new URL("../../error-server/README.md", import.meta.url)), "utf8");
const SRC = fileURLToPath(new URL("../src/index.ts", import.meta.url));
// The server README's node:http example, run as written but on an ephemeral port (its
// `server.listen(3000)` becomes port 0; the client examples' 3000 follows it).
const SERVER_EXAMPLE = [...SERVER_README.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .find((code) => code.includes("@org/error-server/node") && code.includes("server.listen(3000)"));

/** The README's runnable examples: ```ts blocks that import this package. */
const examples = [...README.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .filter((code) => code.includes('from "@org/error-client"'));

let server: Server;
let baseUrl: string;
let exampleServer: Server;
let examplePort = 0;
let flaky = 0;
const dir = mkdtempSync(join(tmpdir(), "error-client-readme-"));
// Inside the package, so the server example's imports resolve from its node_modules.
const serverDir = mkdtempSync(join(fileURLToPath(new URL("../node_modules/", import.meta.url)), ".readme-server-"));
beforeAll(async () => {
  if (SERVER_EXAMPLE === undefined) throw new Error("the server README's node:http example is missing");
  const file = join(serverDir, "server-example.ts");
  writeFileSync(file, SERVER_EXAMPLE.replace("server.listen(3000);", 'server.listen(0, "127.0.0.1");'));
  exampleServer = ((await import(pathToFileURL(file).href)) as { server: Server }).server;
  if (!exampleServer.listening) await new Promise((resolve) => exampleServer.once("listening", resolve));
  examplePort = (exampleServer.address() as AddressInfo).port;
  server = createServer((req, res) => {
    if (req.url === "/v1/models/gpt-9")
      return sendError(res, createError("model_not_found", "The model gpt-9 does not exist"), { requestId: "req_42" });
    if (req.url === "/v1/flaky") {
      // 503 once, then echo what was sent: the json option's body and content type.
      if (flaky++ % 2 === 0) return sendError(res, createError(503));
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        const ok = req.headers["content-type"] === "application/json" && body === '{"model":"gpt-4o"}';
        res.writeHead(ok ? 200 : 400, { "content-type": "application/json" }).end("{}");
      });
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("data: Hel\n\ndata: lo\n\n");
    res.end(`data: ${JSON.stringify(toErrorResponse(createError("channel:response_time_exceeded")).body)}\n\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(serverDir, { recursive: true, force: true });
  await new Promise<void>((resolve) => (exampleServer.closeAllConnections(), exampleServer.close(() => resolve())));
  await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
});

describe("README examples run and print what they say", () => {
  it("has examples, each with output to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const code of examples) expect(code).toMatch(/\/\/ => /);
  });

  it("the quick start talks to the server README's example as written", () => {
    expect(examples[0]).toContain("http://127.0.0.1:3000/v1/chat/completions");
    expect(SERVER_EXAMPLE).toContain('req.url === "/v1/chat/completions"');
  });

  it.each(examples.map((code, i) => ({ i, code })))("example $i", async ({ i, code }) => {
    const want = [...code.matchAll(/console\.log\(.*\); \/\/ => (.*)$/gm)].map((m) => m[1]);
    const logs: string[] = [];
    const examplePortUrl = `http://127.0.0.1:${examplePort}`;
    (globalThis as Record<string, unknown>)["__readmeLog"] = (...args: unknown[]) =>
      logs.push(
        args
          .map(String)
          .join(" ")
          .replaceAll(baseUrl, "http://127.0.0.1")
          .replaceAll(examplePortUrl, "http://127.0.0.1:3000")
          // The server example generates a request id per error (`generateRequestId: true`): random, so shown as <uuid>.
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<uuid>"),
      );
    const source = `const baseUrl = ${JSON.stringify(baseUrl)};\n${code
      .replace('from "@org/error-client"', `from ${JSON.stringify(SRC)}`)
      .replaceAll("http://127.0.0.1:3000", examplePortUrl)
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
    const render = (v: unknown): string =>
      typeof v === "function" ? "`Math.random`" : Array.isArray(v) ? `\`[${v.join(", ")}]\`` : `\`${String(v)}\``;
    for (const [key, value] of Object.entries(client.DEFAULT_RETRY_POLICY)) {
      expect(rows.has(key), `README lacks a row for ${key}`).toBe(true);
      if (key !== "retryableCodes") expect(rows.get(key), key).toBe(render(value));
    }
    const listed = table.slice(table.indexOf("Retryable catalog codes:")).split("\n\n")[0] ?? "";
    expect([...listed.matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort()).toEqual(
      [...client.DEFAULT_RETRY_POLICY.retryableCodes].sort(),
    );
  });

  it("the limits table matches the exported constants", () => {
    const limits = [
      "DEFAULT_MAX_BODY_BYTES",
      "MAX_DETAIL_LENGTH",
      "MAX_TEXT_DETAIL_LENGTH",
      "MAX_BODY_SNIPPET_LENGTH",
      "DEFAULT_MAX_SSE_EVENT_LENGTH",
    ] as const;
    for (const name of limits) expect(README).toContain(`| \`${name}\` | \`${client[name]}\` |`);
  });
});
