import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The repository README's "In a service" and "In a client" examples, run as written: the
// service on an ephemeral port instead of 3000, the client against it.
const README = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");
const blocks = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? "");
const SERVICE = blocks.find((code) => code.includes("@org/error-server/node"));
const CLIENT = blocks.find((code) => code.includes('from "@org/error-client"'));
const SRC = fileURLToPath(new URL("../src/index.ts", import.meta.url));

// Inside the package, so the service example's imports resolve from its node_modules.
const dir = mkdtempSync(join(fileURLToPath(new URL("../node_modules/", import.meta.url)), ".root-readme-"));
// Undefined when beforeAll failed before the server started (afterAll still runs).
let server: Server | undefined;
let origin = "";
const errorSpy = vi.spyOn(console, "error").mockImplementation(() => undefined);

beforeAll(async () => {
  if (SERVICE === undefined || CLIENT === undefined)
    throw new Error("the README's service or client example is missing");
  expect(SERVICE).toContain("server.listen(3000);");
  const file = join(dir, "service.ts");
  writeFileSync(file, SERVICE.replace("server.listen(3000);", 'server.listen(0, "127.0.0.1");'));
  const started = ((await import(pathToFileURL(file).href)) as { server: Server }).server;
  server = started;
  if (!started.listening) await new Promise((resolve) => started.once("listening", resolve));
  origin = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
});
afterAll(async () => {
  errorSpy.mockRestore();
  const s = server;
  if (s) await new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())));
  rmSync(dir, { recursive: true, force: true });
});

describe("the repository README's examples", () => {
  it("the service answers the contract's envelope and leaks nothing of an unexpected error", async () => {
    const notFound = await fetch(`${origin}/v1/models/gpt-9`);
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("x-should-retry")).toBe("false");
    const crash = await fetch(`${origin}/v1/chat`);
    const text = await crash.text();
    expect(crash.status).toBe(500);
    for (const leak of ["hunter2", "10.0.0.7", "password"]) expect(text).not.toContain(leak);
    // Reported where a person sees it (no onError was given), with the original error.
    expect(String(errorSpy.mock.calls.flat().find((a) => a instanceof Error))).toContain("hunter2");
  });

  it("the client prints what its comments say", async () => {
    const want = [...(CLIENT ?? "").matchAll(/console\.log\(.*\); \/\/ => (.*)$/gm)].map((m) => m[1]);
    expect(want.length).toBeGreaterThanOrEqual(2);
    const logs: string[] = [];
    (globalThis as Record<string, unknown>)["__rootReadmeLog"] = (...args: unknown[]) =>
      logs.push(args.map(String).join(" "));
    const source = `${(CLIENT ?? "")
      .replace('from "@org/error-client"', `from ${JSON.stringify(SRC)}`)
      .replaceAll("http://127.0.0.1:3000", origin)
      .replaceAll("console.log(", "(globalThis as any).__rootReadmeLog(")}\nexport {};\n`;
    const file = join(dir, "client.ts");
    writeFileSync(file, source);
    await import(pathToFileURL(file).href);
    expect(logs).toEqual(want);
  });
});
