import { transformSync } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
const src = readFileSync(process.argv[2], "utf8");
const r = transformSync(src, { minify: true, format: "esm", target: "es2022" });
console.log(process.argv[2], "min", r.code.length, "gzip", gzipSync(r.code, { level: 9 }).length);
