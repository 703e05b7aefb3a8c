/**
 * The request ids an answer may carry for a plan: one resolver's answer, whatever the
 * adapter or the body's form. The first configured header with a valid id wins (an invalid
 * one does not hide the next); a header sent twice may count as its first line or as
 * invalid; no id -> `generateRequestId`'s; a failing hook -> no id from it.
 */
import { GENERATED_ID, HOOK_ID } from "./context.js";
import { idText, type Plan } from "./plan.js";

/** Every id the plan allows (`undefined`: none), or `undefined` when only consistency is checked. */
export function allowedIds(plan: Plan): Set<string | undefined> | undefined {
  const { request, hooks } = plan;
  const xr = request.requestId.map((kind, i) => (kind === "valid" ? idText(kind, `x${i}`) : undefined));
  const oneapi = request.oneapiId === "valid" ? idText("valid", "o") : undefined;
  if (hooks.getRequestId !== "absent") {
    // A failing getRequestId may be left for the header lookup it replaces, or mean no id.
    return new Set(hooks.getRequestId === "ok" ? [HOOK_ID] : [undefined, oneapi]);
  }
  if (plan.adapter === "hono") {
    // Hono's requestId() middleware owns x-request-id there: only a valid incoming one is known in advance.
    return xr.length === 1 && xr[0] !== undefined ? new Set([xr[0]]) : undefined;
  }
  const firstOfXr: Array<string | undefined> = xr.length === 2 ? [xr[0], undefined] : [xr[0]];
  const out = new Set<string | undefined>();
  for (const fromXr of firstOfXr) {
    const found = fromXr ?? oneapi;
    out.add(found ?? (hooks.generateRequestId === "ok" ? GENERATED_ID : undefined));
  }
  return out;
}

/** The request header lines of a plan's ids, as `[name, value]`. */
export function idHeaders(plan: Plan): Array<[string, string]> {
  const lines: Array<[string, string]> = plan.request.requestId.map((kind, i) => [
    "x-request-id",
    idText(kind, `x${i}`),
  ]);
  if (plan.request.oneapiId !== undefined) lines.push(["x-oneapi-request-id", idText(plan.request.oneapiId, "o")]);
  return lines;
}
