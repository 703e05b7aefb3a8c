import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // The matrix makes ~1,000 real SDK calls (and starts a Node 22 child for ai 7): tens of
    // seconds on a loaded 2-core machine. The bound is a hang guard, not a speed assertion.
    testTimeout: 170_000,
    hookTimeout: 170_000,
  },
});
