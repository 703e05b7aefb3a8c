import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // One real browser on a shared 2-core machine: starting it and loading pages takes seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
