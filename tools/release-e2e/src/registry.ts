import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** A running local registry. */
export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  port: number;
  /** Stops the registry (its whole process group); safe to call twice. */
  stop: () => Promise<void>;
  /** What the registry printed, for failure messages. */
  log: () => string;
}

const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const CHILD = fileURLToPath(new URL("./registry-child.ts", import.meta.url));

/**
 * Verdaccio's configuration: storage in `dir`, no uplinks (nothing is proxied: a package that
 * is not here answers 404 at once), anyone may read, and anyone may publish `@org/*`.
 * No web UI and no audit middleware (that one would proxy to a public registry).
 */
export function registryConfig(dir: string): string {
  return [
    `storage: ${JSON.stringify(join(dir, "storage"))}`,
    "auth:",
    "  htpasswd:",
    `    file: ${JSON.stringify(join(dir, "htpasswd"))}`,
    "    max_users: -1",
    "uplinks: {}",
    "packages:",
    "  '@org/*':",
    "    access: $all",
    "    publish: $all",
    "    unpublish: $all",
    "  '**':",
    "    access: $all",
    "    publish: $authenticated",
    "web:",
    "  enable: false",
    "max_body_size: 50mb",
    "log: { type: stdout, format: pretty, level: warn }",
    "",
  ].join("\n");
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts Verdaccio on 127.0.0.1 on a free port with its storage under `dir`, and waits
 * until `/-/ping` answers. Rejects (and stops the process) when it does not start in time.
 */
export async function startRegistry(dir: string, timeoutMs = 60_000): Promise<LocalRegistry> {
  mkdirSync(join(dir, "storage"), { recursive: true });
  const configPath = join(dir, "config.yaml");
  writeFileSync(configPath, registryConfig(dir));
  const output: string[] = [];
  // detached: its own process group, so stop() ends Verdaccio and anything it started.
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, configPath], {
    cwd: PACKAGE_DIR,
    detached: true,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const log = () => output.join("");
  // Last resort if the test process ends without afterAll (the child also exits on disconnect).
  const onExit = () => killGroup(child, "SIGKILL");
  process.once("exit", onExit);
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= new Promise<void>((resolve) => {
      process.off("exit", onExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
      child.once("exit", () => {
        clearTimeout(force);
        resolve();
      });
      killGroup(child, "SIGTERM");
    }));

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Verdaccio did not report a port within ${timeoutMs} ms`)),
        timeoutMs,
      );
      child.once("message", (m: { port?: unknown }) => {
        clearTimeout(timer);
        if (typeof m.port === "number") resolve(m.port);
        else reject(new Error(`Verdaccio reported ${JSON.stringify(m)} instead of a port`));
      });
      child.once("exit", (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`Verdaccio exited before listening (code ${code}, signal ${signal})`));
      });
    });
    const url = `http://127.0.0.1:${port}/`;
    await waitForPing(url, timeoutMs);
    return { url, port, stop, log };
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n--- registry output ---\n${log()}`);
  }
}

async function waitForPing(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(new URL("-/ping", url), { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Verdaccio at ${url} did not answer /-/ping within ${timeoutMs} ms (${last})`);
}
