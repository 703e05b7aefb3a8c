import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // A guard against hangs, not a speed goal: CI runs the suites side by side on 2 cores.
    testTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
  },
});
