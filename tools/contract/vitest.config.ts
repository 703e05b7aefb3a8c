import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // The CLI tests create small git repositories and run git in them; leave room on slow CI machines.
    testTimeout: 120_000,
  },
});
