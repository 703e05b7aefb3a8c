import { writeFileSync } from "node:fs";

/**
 * Variables of the test runner that must not leak into the commands: pnpm/npm settings of
 * the outer `pnpm test` (they would point the inner commands at this workspace), vitest's
 * markers, NODE_ENV=test, turbo's settings.
 */
const INHERITED_NOISE = /^(npm_|pnpm_|PNPM_|VITEST|TURBO_|NODE_ENV$|INIT_CWD$)/i;

/** Options of {@link commandEnv}. */
export interface CommandEnvOptions {
  /** The local registry, `http://127.0.0.1:<port>/`. */
  registryUrl: string;
  /** The temporary npmrc (holds the registry's token only). */
  npmrc: string;
  /** A fresh npm cache, so npm cannot answer from an old download. */
  npmCache: string;
  /** pnpm's content-addressed store (read before the npmrc is replaced). */
  pnpmStore: string;
}

/**
 * Environment for every command of the test: npm and pnpm point at the local registry
 * through environment variables only (no project file names a registry), with a temporary
 * user config. Telemetry and update checks are off, so nothing talks to another host.
 */
export function commandEnv(o: CommandEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!INHERITED_NOISE.test(key)) env[key] = value;
  return {
    ...env,
    npm_config_userconfig: o.npmrc,
    npm_config_registry: o.registryUrl,
    npm_config_cache: o.npmCache,
    npm_config_store_dir: o.pnpmStore,
    npm_config_audit: "false",
    npm_config_fund: "false",
    npm_config_update_notifier: "false",
    TURBO_TELEMETRY_DISABLED: "1",
    TURBO_NO_UPDATE_NOTIFIER: "1",
    DO_NOT_TRACK: "1",
    // A CI proxy must not sit between the tools and the registry on the loopback address.
    NO_PROXY: ["127.0.0.1", "localhost", env["NO_PROXY"]].filter(Boolean).join(","),
    no_proxy: ["127.0.0.1", "localhost", env["no_proxy"]].filter(Boolean).join(","),
  };
}

/** The same environment with pnpm kept offline: installs come from the local store only. */
export const offline = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...env, npm_config_offline: "true" });

/**
 * Writes the temporary npmrc. npm refuses to publish without credentials (ENEEDAUTH) before
 * it contacts the registry; Verdaccio lets anyone publish `@org/*`, so any token will do.
 */
export function writeNpmrc(path: string, registryUrl: string): void {
  const host = registryUrl.replace(/^https?:/, "");
  writeFileSync(path, `${host}:_authToken=anon\n`);
}
