import { spawn } from "node:child_process";

/** What a finished command left behind. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Both streams, interleaved roughly as printed. */
  output: string;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The command is killed (with its children) after this long. @default 240_000 */
  timeoutMs?: number;
}

/**
 * Runs a command to completion and returns its output; never throws for a non-zero exit
 * (see {@link runOk}). Runs in its own process group, so a timeout kills what it started too.
 */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.on("data", (c: Buffer) => ((stdout += c), (output += c)));
    child.stderr.on("data", (c: Buffer) => ((stderr += c), (output += c)));
    const timeoutMs = options.timeoutMs ?? 240_000;
    const timer = setTimeout(() => {
      output += `\n[killed after ${timeoutMs} ms]`;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${command}: ${e.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, output });
    });
  });
}

/** The last `lines` lines of a text: enough of a command's output to see why it failed. */
export const tail = (text: string, lines = 60): string => text.trimEnd().split("\n").slice(-lines).join("\n");

/** Runs a command and throws, with the command, folder and the end of its output, unless it exits 0. */
export async function runOk(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `\`${[command, ...args].join(" ")}\` in ${options.cwd} exited with ${result.code ?? result.signal}:\n${tail(result.output)}`,
    );
  }
  return result;
}
