import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runOk } from "./run.js";
import { readJson } from "./workspace.js";

/** What a consumer's package-lock.json says was installed, by package path under node_modules. */
export type Installed = Record<string, { version: string; resolved: string }>;

/**
 * `npm install`s exact versions of `packages` into the consumer at `dir`, from the local
 * registry only (explicit `--registry`; the environment holds a fresh npm cache).
 */
export async function installConsumer(
  dir: string,
  env: NodeJS.ProcessEnv,
  registryUrl: string,
  packages: readonly string[],
  version: string,
): Promise<void> {
  const specs = packages.map((p) => `${p}@${version}`);
  await runOk("npm", ["install", "--registry", registryUrl, "--save-exact", "--no-audit", "--no-fund", ...specs], {
    cwd: dir,
    env,
  });
}

/** The consumer's lock file: every installed package with its version and where it came from. */
export function installed(dir: string): Installed {
  const lock = readJson<{ packages: Record<string, { version: string; resolved: string }> }>(
    join(dir, "package-lock.json"),
  );
  return Object.fromEntries(
    Object.entries(lock.packages)
      .filter(([path]) => path !== "")
      .map(([path, info]) => [path.replace(/^node_modules\//, ""), info]),
  );
}

/** The packages at the top of a consumer's node_modules (scoped ones as `@scope/name`). */
export const topLevelPackages = (dir: string): string[] =>
  readdirSync(join(dir, "node_modules")).flatMap((n) =>
    n.startsWith("@") ? readdirSync(join(dir, "node_modules", n)).map((s) => `${n}/${s}`) : [n],
  );

/** Framework and observability packages a consumer of the core must never get installed. */
export const FRAMEWORK_PACKAGE = /^(express|fastify|hono|next|@nestjs\/.*|@opentelemetry\/.*|@fastify\/.*|@hono\/.*)$/;

/** The registry's document for a package (versions and dist-tags), or null when it has none. */
export async function registryDoc(
  registryUrl: string,
  name: string,
): Promise<{
  versions: Record<string, { dependencies?: Record<string, string> }>;
  "dist-tags": Record<string, string>;
} | null> {
  const res = await fetch(new URL(name.replace("/", "%2f"), registryUrl));
  return res.status === 200 ? ((await res.json()) as never) : null;
}
