import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createError } from "@org/error-server";
import { sendError, sendSseError } from "@org/error-server/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as aiSdk from "../../src/ai-sdk/index.js";

// The README's AI SDK examples, run as written against the gateway it describes: chat
// completions answer 502 channel:invalid_key; /v1/messages streams (Anthropic dialect) start with a
// get_channel_failed error event. Request ids count from req_1 in each example.
const README = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
const SRC = fileURLToPath(new URL("../../src/ai-sdk/index.ts", import.meta.url));
const examples = [...README.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1] ?? "")
  .filter((code) => code.includes('from "@org/error-client/ai-sdk"'));

// Inside the package, so the examples' imports (ai, @ai-sdk/*) resolve from its node_modules.
const dir = mkdtempSync(join(fileURLToPath(new URL("../../node_modules/", import.meta.url)), ".readme-ai-sdk-"));
let server: Server;
let origin = "";
let counter = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const requestId = `req_${++counter}`;
      if (req.url === "/v1/chat/completions") return sendError(res, createError("channel:invalid_key"), { requestId });
      // The test's gateway asks for no wait (the SDK honours retry-after-ms), so retries are immediate.
      res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": requestId, "retry-after-ms": "0" });
      sendSseError(res, createError("get_channel_failed"), { requestId, dialect: "anthropic" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env["GATEWAY_KEY"] = "sk-test";
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the README's AI SDK examples run and print what they say", () => {
  it("has the three examples (one per provider), each with output to check", () => {
    expect(examples).toHaveLength(3);
    for (const code of examples) expect(code).toMatch(/\/\/ => /);
  });

  it.each(examples.map((code, i) => ({ i, code })))("example $i", async ({ i, code }) => {
    counter = 0;
    const want = [...code.matchAll(/console\.log\(.*\); \/\/ => (.*)$/gm)].map((m) => m[1]);
    const logs: string[] = [];
    (globalThis as Record<string, unknown>)["__aiSdkReadmeLog"] = (...args: unknown[]) =>
      logs.push(args.map(String).join(" "));
    const source = `${code
      .replace('from "@org/error-client/ai-sdk"', `from ${JSON.stringify(SRC)}`)
      .replaceAll("http://127.0.0.1:3000", origin)
      .replaceAll("console.log(", "(globalThis as any).__aiSdkReadmeLog(")}\nexport {};\n`;
    const file = join(dir, `example-${i}.ts`);
    writeFileSync(file, source);
    await import(pathToFileURL(file).href);
    expect(logs).toEqual(want);
  });

  it("every export of the subpath is named in the README", () => {
    for (const name of Object.keys(aiSdk)) expect(README, name).toMatch(new RegExp(`\\b${name}\\b`));
  });
});
