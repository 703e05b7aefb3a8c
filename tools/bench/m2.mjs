import { build } from "esbuild";
const r = await build({ entryPoints: ["/tmp/pair/entry.js"], bundle: true, minifySyntax: true, format: "esm", platform: "browser", target: "es2022", write: false, nodePaths: [process.cwd() + "/node_modules"] });
process.stdout.write(r.outputFiles[0].text);
