import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { exhaustiveSwitch } from "../src/consumer.js";
import { FRAMEWORK_PACKAGE } from "../src/consumer-install.js";
import { commandEnv, offline, writeNpmrc } from "../src/env.js";
import { registryConfig } from "../src/registry.js";
import { run } from "../src/run.js";

// The parts of the end-to-end harness whose mistakes would not show as a failed step but as
// a test that talks to the wrong registry, leaks the outer run's settings, or hangs.
describe("release-e2e harness", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "release-e2e-helpers-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("Verdaccio's config has no uplinks, keeps storage in the temp folder, and lets anyone publish @org/*", () => {
    const config = registryConfig(dir);
    expect(config).toContain("uplinks: {}");
    expect(config).not.toMatch(/proxy:|url:/);
    expect(config).toContain(`storage: ${JSON.stringify(join(dir, "storage"))}`);
    expect(config).toMatch(/'@org\/\*':\n {4}access: \$all\n {4}publish: \$all/);
  });

  it("the temporary npmrc holds the token line for the local registry only", () => {
    const path = join(dir, "npmrc");
    writeNpmrc(path, "http://127.0.0.1:4873/");
    expect(readFileSync(path, "utf8")).toBe("//127.0.0.1:4873/:_authToken=anon\n");
  });

  it("command environments point at the local registry and drop the outer run's npm/pnpm/vitest settings", () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        npm_config_registry: "http://elsewhere.invalid/",
        npm_config_user_agent: "pnpm",
        PNPM_PACKAGE_NAME: "x",
        VITEST_POOL_ID: "1",
        NODE_ENV: "test",
      });
      const env = commandEnv({
        registryUrl: "http://127.0.0.1:4873/",
        npmrc: "/tmp/rc",
        npmCache: "/tmp/cache",
        pnpmStore: "/tmp/store",
      });
      expect(env).toMatchObject({
        npm_config_registry: "http://127.0.0.1:4873/",
        npm_config_userconfig: "/tmp/rc",
        npm_config_cache: "/tmp/cache",
        npm_config_store_dir: "/tmp/store",
      });
      for (const key of ["npm_config_user_agent", "PNPM_PACKAGE_NAME", "VITEST_POOL_ID", "NODE_ENV"])
        expect(env, key).not.toHaveProperty(key);
      expect(env["PATH"]).toBe(process.env["PATH"]);
      expect(env["NO_PROXY"]).toContain("127.0.0.1");
      expect(offline(env)["npm_config_offline"]).toBe("true");
    } finally {
      process.env = saved;
    }
  });

  it("a command that outlives its timeout is killed with its children, not waited for", async () => {
    const r = await run(
      process.execPath,
      [
        "-e",
        "require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'inherit' }); setTimeout(() => {}, 60000)",
      ],
      {
        cwd: dir,
        env: process.env,
        timeoutMs: 500,
      },
    );
    expect(r.signal).toBe("SIGKILL");
    expect(r.output).toContain("[killed after 500 ms]");
  });

  it("the framework check names the frameworks and observability packages, not the contract's own", () => {
    for (const name of [
      "express",
      "fastify",
      "hono",
      "next",
      "@nestjs/core",
      "@nestjs/common",
      "@opentelemetry/api",
      "@fastify/error",
    ])
      expect(name).toMatch(FRAMEWORK_PACKAGE);
    for (const name of ["@org/error-server", "@org/error-types", "expressive", "nextjs-helper", "@types/express"])
      expect(name).not.toMatch(FRAMEWORK_PACKAGE);
  });

  it("the exhaustive switch lists every code and ends in a never check", () => {
    const text = exhaustiveSwitch(["a", "channel:b"]);
    expect(text).toContain('case "a":');
    expect(text).toContain('case "channel:b":');
    expect(text).toContain("const unhandled: never = code;");
  });
});
