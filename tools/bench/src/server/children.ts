import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A server running in its own process (its own core: autocannon runs in this one). */
export interface ServerChild {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts `src/server/<script>` with NODE_ENV=production (the safety-net validation of
 * @org/error-server is a test-time option) and waits for the port it prints.
 */
export async function startServer(script: string): Promise<ServerChild> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  delete env["NODE_OPTIONS"];
  const child = spawn(process.execPath, [fileURLToPath(new URL(`./${script}`, import.meta.url))], {
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  const stop = () => stopChild(child);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      let err = "";
      const timer = setTimeout(() => reject(new Error(`${script} did not print its port within 10 s`)), 10_000);
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const line = out.split("\n")[0];
        if (out.includes("\n") && line) {
          clearTimeout(timer);
          resolve((JSON.parse(line) as { port: number }).port);
        }
      });
      child.stderr.on("data", (d: Buffer) => void (err += d.toString()));
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${script} exited with ${code}: ${err.trim().split("\n").slice(0, 3).join(" / ")}`));
      });
    });
    return { url: `http://127.0.0.1:${port}/v1/chat/completions`, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Closes the child's stdin (it closes its server and exits); kills it if it has not exited within 3 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin?.end();
  });
}
