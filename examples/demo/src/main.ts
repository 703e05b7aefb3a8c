/**
 * `pnpm demo`: the whole error contract, end to end, over real HTTP on 127.0.0.1.
 * A service built with @org/error-server fails in several ways; a client built with
 * @org/error-client turns every failure into one ApiError and retries only what the
 * contract allows. One line per route: status, code, retries, time waited, outcome; then
 * the request id and reference entry of each error.
 */
import { callRoute, type Outcome } from "./client.js";
import { reportLines } from "./report.js";
import { ROUTES, startService } from "./service.js";
import { upstreamLines } from "./upstream.js";

const { baseUrl, stop } = await startService();
try {
  console.log(`service on ${baseUrl}\n`);
  const rows: Outcome[] = [];
  // One route at a time, so the output reads top to bottom like a story.
  for (const path of Object.keys(ROUTES)) rows.push(await callRoute(baseUrl, path));
  for (const line of reportLines(rows)) console.log(line);
} finally {
  await stop();
}
console.log("");
for (const line of await upstreamLines()) console.log(line);
