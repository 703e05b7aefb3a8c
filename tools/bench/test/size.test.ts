import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { publicEntryPoints } from "../src/bundle/entry-points.js";
import { readLimits } from "../src/bundle/limits.js";
import { CLIENT_PAIR, CLIENT_PAIR_CEILING, measureTarget, sizeTargets } from "../src/bundle/size-targets.js";
import { BENCH_DIR } from "../src/peer.js";

/**
 * The size limit of every public entry point's browser bundle (and of the client pair the
 * 3 KB goal is about). Not timed: it bundles with esbuild and counts gzip -9 bytes, so it
 * fails only when a bundle grew past its committed limit, or an entry point has no limit.
 */
const dir = mkdtempSync(join(tmpdir(), "org-size-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const { limits } = readLimits();
const targets = sizeTargets();

describe("browser bundle size limits (tools/bench/test/size-limits.json)", () => {
  it("every public entry point of every public package is measured, the subpath exports too", () => {
    const specifiers = publicEntryPoints().map((e) => e.specifier);
    for (const expected of [
      "@org/error-types",
      "@org/error-validator",
      "@org/error-client",
      "@org/error-server",
      "@org/error-server/express",
    ]) {
      expect(specifiers).toContain(expected);
    }
    expect(specifiers).not.toContain("@org/error-client/package.json");
  });

  it("every bundle has a limit and every limit a bundle (a new entry point needs one: run size:update)", () => {
    expect(limits[CLIENT_PAIR]).toBeDefined();
    expect(targets.map((t) => t.id).filter((id) => !(id in limits))).toEqual([]);
    expect(Object.keys(limits).filter((id) => !targets.some((t) => t.id === id))).toEqual([]);
  });

  it("the client pair's limit is at most 1.1.0's size (4,530 B): issue 22 was not to grow it", () => {
    expect(limits[CLIENT_PAIR]).toBeLessThanOrEqual(CLIENT_PAIR_CEILING);
  });

  it.each(targets.map((t) => [t.id, t] as const))(
    "%s stays within its limit",
    async (_id, target) => {
      const measured = await measureTarget(target, dir, BENCH_DIR);
      expect(measured.exports.length).toBeGreaterThan(0);
      const limit = limits[target.id] ?? 0;
      expect(measured.gzip, `${target.id}: ${measured.gzip} B gzip, limit ${limit} B`).toBeLessThanOrEqual(limit);
    },
    60_000,
  );
});
