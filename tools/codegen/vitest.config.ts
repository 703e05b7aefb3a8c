import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    // The generator runs prettier and ajv on whole schemas; give slow CI machines room.
    testTimeout: 240_000,
  },
});
