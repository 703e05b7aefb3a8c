// Cost of building the error of a 4xx answer under each stack-trace policy (run after `pnpm build`):
//   node bench/stack-policy.mjs
// Interleaved rounds, median ratio, so machine load hits both policies alike. A figure, not a test.
import { createError, setStackTracePolicy, toErrorResponse } from "../dist/index.js";

const N = 200_000;
function round(policy) {
  setStackTracePolicy(policy);
  const start = performance.now();
  let sink = 0;
  for (let i = 0; i < N; i++) sink += JSON.stringify(toErrorResponse(createError("model_not_found")).body).length;
  const ms = performance.now() - start;
  if (sink === 0) throw new Error("unreachable");
  return (N / ms) * 1000;
}
round("always");
round("5xx");
const ratios = [];
const rates = { always: [], "5xx": [] };
for (let r = 0; r < 7; r++) {
  const a = round("always");
  const b = round("5xx");
  rates.always.push(a);
  rates["5xx"].push(b);
  ratios.push(b / a);
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
console.log(`createError(404) + toErrorResponse + JSON.stringify, ${N} per round, 7 rounds`);
console.log(`always: ${Math.round(median(rates.always)).toLocaleString("en")} ops/s (median)`);
console.log(`5xx:    ${Math.round(median(rates["5xx"])).toLocaleString("en")} ops/s (median)`);
console.log(`5xx / always: ${median(ratios).toFixed(2)}x (rounds ${ratios.map((x) => x.toFixed(2)).join(" ")})`);
