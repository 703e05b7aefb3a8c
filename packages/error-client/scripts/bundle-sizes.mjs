// Browser bundle of each public entry point of @org/error-client, measured as tools/bench does:
// esbuild (bundle, minify, platform browser, ESM, es2022) then gzip -9. Run after `pnpm build`.
// Usage: node scripts/bundle-sizes.mjs [--json]
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const require = createRequire(import.meta.url);
const pkgDir = fileURLToPath(new URL("..", import.meta.url));
const esbuildPath =
  process.env.ESBUILD_PATH ?? require.resolve("esbuild", { paths: [pkgDir, `${pkgDir}/../../tools/bench`] });
const { build } = await import(esbuildPath);
const dist = `${pkgDir}dist/index.js`;

export const ENTRIES = {
  "parseErrorResponse + isRetryable": ["parseErrorResponse", "isRetryable"],
  ApiError: ["ApiError"],
  isApiError: ["isApiError"],
  parseErrorResponse: ["parseErrorResponse"],
  parseErrorBody: ["parseErrorBody"],
  isRetryable: ["isRetryable"],
  retryDelayMs: ["retryDelayMs"],
  fetchWithContract: ["fetchWithContract"],
  readSseEvents: ["readSseEvents"],
  everything: ["*"],
};

export async function sizes() {
  const out = {};
  for (const [name, names] of Object.entries(ENTRIES)) {
    const contents =
      names[0] === "*"
        ? `export * from ${JSON.stringify(dist)};`
        : `export { ${names.join(", ")} } from ${JSON.stringify(dist)};`;
    const result = await build({
      stdin: { contents, resolveDir: pkgDir, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const code = result.outputFiles[0].contents;
    out[name] = { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await sizes();
  if (process.argv.includes("--json")) console.log(JSON.stringify(s, null, 2));
  else
    for (const [k, v] of Object.entries(s))
      console.log(`${k.padEnd(36)} ${String(v.minified).padStart(7)} B min ${String(v.gzip).padStart(6)} B gz`);
}
