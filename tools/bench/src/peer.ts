import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Skipped } from "./report.js";

/** tools/bench, whatever the working directory. */
export const BENCH_DIR = fileURLToPath(new URL("../", import.meta.url));

/** The installed version of a dev dependency of tools/bench, for labels ("zod 4.6.7"). */
export function versionOf(pkg: string): string {
  try {
    const meta = JSON.parse(readFileSync(`${BENCH_DIR}node_modules/${pkg}/package.json`, "utf8")) as {
      version?: string;
    };
    return meta.version ?? "?";
  } catch {
    return "?";
  }
}

/** The message of anything thrown, on one line (esbuild's first error text rather than its summary line). */
export function reasonOf(e: unknown): string {
  const first = (e as { errors?: { text?: unknown }[] } | null)?.errors?.[0]?.text;
  const message = typeof first === "string" ? first : e instanceof Error ? e.message : String(e);
  return message.split("\n")[0] ?? "unknown error";
}

/**
 * Builds a peer, or records why it cannot run. Why not let it throw: one missing peer
 * (a package still being written, an unbuilt dist) must not hide every other figure, and
 * it must say so rather than print a number it did not measure.
 */
export async function tryPeer<T>(peer: string, skipped: Skipped[], build: () => T | Promise<T>): Promise<T | null> {
  try {
    return await build();
  } catch (e) {
    skipped.push({ peer, reason: reasonOf(e) });
    return null;
  }
}
