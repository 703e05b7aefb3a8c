import swc from "unplugin-swc";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // NestJS tests only: Nest reads the parameter types TypeScript emits as decorator metadata
  // (ValidationPipe needs the DTO class), which esbuild does not emit; SWC does.
  plugins: [
    swc.vite({
      include: /(?:test[\\/](?:nestjs[^\\/]*\.test|helpers[\\/]adapter-servers)|readme-integration-\d+)\.ts$/,
      jsc: {
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: "es2022",
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    // A guard against hangs, not a speed goal: CI runs the suites side by side on 2 cores.
    testTimeout: 20_000,
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
  },
});
