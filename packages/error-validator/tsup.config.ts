import { defineConfig } from "tsup";

// Dual ESM + CJS with declarations for both (.d.ts / .d.cts);.
export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: false,
  target: "es2022",
  platform: "neutral",
  treeshake: true,
});
