import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "built-node-server.mjs");

/** What a built server answered for one `createError(...)` call: a response, or the call's refusal. */
export type Answer =
  | { rejected?: undefined; status: number; headers: Headers; body: { error: Record<string, unknown> } }
  | { rejected: { name: string; message: string } };

/** A built @org/error-server's node adapter, running in a child process on 127.0.0.1. */
export interface BuiltServer {
  url: string;
  /** Sends `createError(first, message, options)` to the server's handler and returns what came back. */
  create(first: string | number, message?: string, options?: Record<string, unknown>): Promise<Answer>;
  /** Makes the handler throw a framework-style error with `status` (http-errors convention) and returns the response. */
  throwStatus(status: number): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * Starts `built-node-server.mjs` on `dist` (a built @org/error-server's dist folder) with
 * NODE_ENV=test (or `how.nodeEnv`, and `how.nodeFlags` for node), so the `validate` safety net checks every body with that build's validator.
 * Resolves once the server listens; rejects (and kills the child) if it exits first.
 */
export async function serveBuilt(
  dist: string,
  how: { nodeEnv?: string; nodeFlags?: readonly string[] } = {},
): Promise<BuiltServer> {
  const child = spawn(process.execPath, [...(how.nodeFlags ?? []), SCRIPT, dist], {
    env: { ...process.env, NODE_ENV: how.nodeEnv ?? "test" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once("exit", (code) =>
        reject(new Error(`built server exited (${String(code)}) before listening:\n${stderr}`)),
      );
      child.once("error", reject);
      createInterface({ input: child.stdout! }).once("line", (line) =>
        resolve((JSON.parse(line) as { port: number }).port),
      );
    });
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      create: (first, message, options) => ask(url, { first, message, options }),
      throwStatus: (status) => ask(url, { httpError: status }),
      close: () => stop(child),
    };
  } catch (e) {
    await stop(child);
    throw e;
  }
}

async function ask(url: string, call: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(url, {
    method: "POST",
    body: JSON.stringify(call),
    headers: { "content-type": "application/json" },
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status === 200) return body as Answer;
  return { status: res.status, headers: res.headers, body: body as { error: Record<string, unknown> } };
}

/** Closes the child's stdin (it then closes its server and exits); kills it if it has not exited in 5 s. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.stdin?.end();
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}
