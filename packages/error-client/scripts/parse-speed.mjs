// parseErrorBody (built package) vs tools/bench's JSON.parse + manual check, on the bench's
// body cases; interleaved rounds, median ratio. A quick figure, not the bench (`pnpm bench`).
import { createRequire } from "node:module";
const { build } = createRequire(import.meta.url)(
  createRequire(import.meta.url).resolve("esbuild", {
    paths: [new URL("../../../tools/bench", import.meta.url).pathname],
  }),
);
import { parseErrorBody } from "../dist/index.js";

const bench = new URL("../../../tools/bench/src/client-parse/", import.meta.url).pathname;
const out = await build({
  stdin: {
    contents: `export { manualParse } from "./manual.ts"; export { bodyCases } from "./bodies.ts";`,
    resolveDir: bench,
    loader: "ts",
  },
  bundle: true,
  format: "esm",
  write: false,
  platform: "node",
});
const { manualParse, bodyCases } = await import(`data:text/javascript,${encodeURIComponent(out.outputFiles[0].text)}`);
const time = (fn, c, n) => {
  const t = performance.now();
  for (let i = 0; i < n; i++) fn(c);
  return performance.now() - t;
};
for (const c of bodyCases()) {
  const n = c.repeat * 400;
  const a = (x) => parseErrorBody({ status: x.status, headers: x.headers, body: x.body });
  const b = (x) => manualParse(x.status, x.headers, x.body);
  const ratios = [];
  for (let r = 0; r < 9; r++) ratios.push(time(b, c, n) / time(a, c, n));
  ratios.sort((x, y) => x - y);
  console.log(
    `${c.name.padEnd(40)} parseErrorBody/manual ${ratios[4].toFixed(2)}x (range ${ratios[0].toFixed(2)}-${ratios[8].toFixed(2)})`,
  );
}
