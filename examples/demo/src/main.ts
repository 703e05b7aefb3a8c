/**
 * `pnpm demo`: the whole error contract, end to end, over real HTTP on 127.0.0.1.
 * A service built with @org/error-server fails in several ways; a client built with
 * @org/error-client turns every failure into one ApiError and retries only what the
 * contract allows. One line per route: status, code, retries, time waited, outcome.
 */
import { callRoute, type Outcome } from "./client.js";
import { ROUTES, startService } from "./service.js";

const pad = (value: unknown, width: number): string => String(value).padEnd(width);

function print(rows: Outcome[]): void {
  const widths = { path: 27, status: 7, code: 32, retries: 8, waited: 8 };
  console.log(`${pad("route", widths.path)}${pad("status", widths.status)}${pad("code", widths.code)}${pad("retries", widths.retries)}${pad("waited", widths.waited)}outcome`);
  for (const r of rows) {
    const line = `${pad(r.path, widths.path)}${pad(r.status ?? "-", widths.status)}${pad(r.code ?? "null", widths.code)}${pad(r.retries, widths.retries)}${pad(`${r.waitedMs}ms`, widths.waited)}${r.result}`;
    console.log(line);
  }
}

const { baseUrl, stop } = await startService();
try {
  console.log(`service on ${baseUrl}\n`);
  const rows: Outcome[] = [];
  // One route at a time, so the output reads top to bottom like a story.
  for (const path of Object.keys(ROUTES)) rows.push(await callRoute(baseUrl, path));
  print(rows);
} finally {
  await stop();
}
