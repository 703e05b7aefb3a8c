/**
 * The header and body invariants of an answered error (see `invariants.ts`): the app's
 * Vary/CORS/cookies/Connection kept, the failed representation's headers not, the
 * framework's auth and Retry-After kept; the body a strict envelope, problem+json of the same
 * error, or the contract's SSE error event, with the request id the header carries.
 */
import { validateErrorBody } from "@org/error-validator";
import { accumulate } from "./act.js";
import { type Answer, headerTokens, headerValues } from "./answer.js";
import { effectiveDialect, ENVELOPE_ACCEPTS, type Plan } from "./plan.js";
import { expectedStatus } from "./thrown.js";
import { bodyRequestId, readAsSdk } from "../helpers/dialect-reader.js";
import type { ParsedEvent as SseEvent } from "../helpers/sse.js";

const KEPT = new Set(["vary", "cors", "cookie", "connection", "custom"]);
// Thrown values Hono's compose does not hand to onError (not `instanceof Error`): only the
// fetch wrapper sees them, without the context that holds the app's headers.
const HONO_UNSEEN = new Set(["string", "object", "number", "null", "undefined", "revoked-proxy"]);

/** Headers kept and dropped. */
export function headerViolations(plan: Plan, answer: Answer): string[] {
  const out: string[] = [];
  for (const name of ["content-encoding", "content-range", "content-language", "etag", "last-modified", "location"])
    if (headerValues(answer, name).length > 0)
      out.push(`${name} of a failed representation sent: ${headerValues(answer, name).join(" | ")}`);
  const keepsApp = !(plan.adapter === "hono" && HONO_UNSEEN.has(plan.thrown.kind));
  const sent = accumulate(plan.before.headers);
  for (const h of plan.before.headers) {
    const lines = headerValues(answer, h.name);
    if (!KEPT.has(h.cls)) {
      if (lines.includes(h.value)) out.push(`the app's ${h.name}: ${h.value} survived onto the error`);
    } else if (!keepsApp || (h.cls === "connection" && answer.protocol === "h2")) continue;
    else if (h.name === "vary") {
      const tokens = headerTokens(answer, "vary");
      for (const t of (sent.get("vary") as string).split(","))
        if (!tokens.includes(t.trim().toLowerCase()))
          out.push(`the app's Vary ${t.trim()} lost (vary: ${tokens.join(", ")})`);
    } else if (h.cls === "connection") {
      if (!headerTokens(answer, "connection").includes("close")) out.push("the app's Connection: close lost");
    } else if (!lines.includes(h.value))
      out.push(`the app's ${h.name}: ${h.value} lost (got ${lines.join(" | ") || "none"})`);
  }
  if (!headerTokens(answer, "vary").includes("accept")) out.push("no Vary: accept");
  const origin = plan.request.origin;
  if (origin !== undefined && keepsApp && !headerValues(answer, "access-control-allow-origin").includes(origin))
    out.push("CORS access-control-allow-origin lost");
  const thrown = plan.thrown;
  if (
    thrown.kind === "contract" &&
    thrown.headers["x-upstream"] !== undefined &&
    headerValues(answer, "x-upstream").length !== 1
  )
    out.push("the error's own x-upstream header lost");
  if (thrown.kind === "http-error") {
    for (const [name, value] of Object.entries(thrown.headers)) {
      const got = headerValues(answer, name.toLowerCase());
      const ok = name === "Retry-After" ? got.length === 1 && /^\d+$/.test(got[0] as string) : got.includes(value);
      if (!ok) out.push(`the framework error's ${name} lost (got ${got.join(" | ") || "none"})`);
    }
  }
  if (plan.before.statusMessage !== undefined && answer.reason === plan.before.statusMessage)
    out.push(`stale status message: ${String(answer.status)} ${answer.reason}`);
  return out;
}

const PROBLEM_KEYS = new Set(["type", "title", "status", "detail", "instance", "code", "param", "request_id"]);
/** The body: strict envelope, problem+json of the same error, or the SSE error event (`event`). */
export function bodyViolations(plan: Plan, answer: Answer, headerId: string | undefined, event?: SseEvent): string[] {
  if (plan.request.method === "HEAD" && event === undefined)
    return answer.body.length > 0 ? [`a HEAD answer with ${answer.body.length} body bytes`] : [];
  const text = event?.data ?? answer.body.toString("utf8");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [`${event ? "last SSE event" : "body"} is not JSON: ${JSON.stringify(text.slice(0, 120))}`];
  }
  const type = headerValues(answer, "content-type")[0] ?? "";
  const out: string[] = [];
  const wanted = plan.request.accept;
  const problem = event === undefined && type.startsWith("application/problem+json");
  if (event === undefined && !problem && !type.startsWith("application/json")) out.push(`content-type ${type}`);
  if (
    event === undefined &&
    wanted.length === 1 &&
    (problem ? ENVELOPE_ACCEPTS.includes(wanted[0] as string) : !ENVELOPE_ACCEPTS.includes(wanted[0] as string))
  )
    out.push(`Accept ${wanted[0]} answered with ${type}`);
  const b = body as Record<string, unknown>;
  // The route's dialect (a failed dialect hook: the default), read as that dialect's SDK reads it.
  const dialect = effectiveDialect(plan.request.dialect);
  let code: unknown;
  let bodyId: unknown;
  if (problem) {
    for (const key of Object.keys(b)) if (!PROBLEM_KEYS.has(key)) out.push(`problem+json member ${key}`);
    if (
      typeof b.type !== "string" ||
      typeof b.title !== "string" ||
      typeof b.detail !== "string" ||
      b.status !== answer.status
    )
      out.push(`not problem+json of this answer: ${text.slice(0, 160)}`);
    code = b.code;
    bodyId = b.request_id;
  } else {
    const status = event ? expectedStatus(plan.thrown) : (answer.status as number);
    const view = readAsSdk(dialect, status, body, (name) => headerValues(answer, name)[0]);
    for (const problemFound of view.problems) out.push(`not a ${dialect} body: ${problemFound}: ${text.slice(0, 160)}`);
    // And the contract's strict validator of the dialect (an event's stand-in `retryable` set aside).
    const { retryable: _, ...strictBody } = b;
    const result = validateErrorBody(dialect, event ? strictBody : body);
    if (!result.ok) out.push(`not a strict ${dialect} body: ${JSON.stringify(result.issues).slice(0, 200)}`);
    code = view.code;
    bodyId = bodyRequestId(dialect, body);
  }
  if (plan.thrown.kind === "contract" && code !== plan.thrown.code)
    out.push(`code ${String(code)}, thrown ${plan.thrown.code}`);
  if (plan.thrown.kind === "nest-http" && code === "bad_request_body")
    out.push(`the app's own 400 "${plan.thrown.message}" answered as a body that failed to parse`);
  if (event === undefined && bodyId !== headerId)
    out.push(`body request_id ${String(bodyId)} but header ${String(headerId)}`);
  // Anthropic's SDK reads the id from `request-id` only; no other dialect sends it.
  const dialectId = headerValues(answer, "request-id");
  if (event === undefined && dialect === "anthropic" && dialectId[0] !== headerId)
    out.push(`request-id ${String(dialectId[0])} but the echoed id ${String(headerId)} (anthropic)`);
  if (dialect !== "anthropic" && dialectId.length > 0) out.push(`request-id header on a ${dialect} route`);
  if (event !== undefined && bodyId !== undefined && !/^[\x21-\x7e]+$/.test(String(bodyId)))
    out.push(`SSE request_id ${String(bodyId)}`);
  return out;
}
