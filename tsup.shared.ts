/**
 * The build of every public package: dual ESM + CJS with declarations for both
 * (.d.ts / .d.cts), platform-neutral output (browsers, Workers, Deno, Bun, Node >= 20).
 * No import of tsup here: this file lives outside every package, where tsup does not resolve.
 */
export function dualPackage(entry: string[]) {
  return {
    entry,
    format: ["esm", "cjs"] as Array<"esm" | "cjs">,
    dts: true,
    clean: true,
    sourcemap: false,
    target: "es2022",
    platform: "neutral" as const,
    treeshake: true,
  };
}
