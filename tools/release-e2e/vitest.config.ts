import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // Each step installs, builds or publishes for real (pnpm, turbo, tsup, npm, tsc): give a
    // slow 2-core CI machine room. Every command also has its own kill timeout (src/run.ts).
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
