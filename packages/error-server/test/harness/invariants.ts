/**
 * The invariants every case must hold, as a list of violations (empty: the case passed):
 * framing (complete, or visibly truncated), the body (strict envelope, problem+json of the
 * same error, an SSE error event, or none where HTTP forbids one), headers kept and dropped,
 * request ids, secrets, `onError` told once and truly, and no crash of the process.
 */
import { type Answer, headerValues } from "./answer.js";
import { type ErrorCall, echoHeader } from "./context.js";
import { allowedIds } from "./expected-id.js";
import { bodyViolations, headerViolations } from "./invariants-parts.js";
import { effectiveDialect, isSse, type Plan, started } from "./plan.js";
import { leakedSlice } from "./secrets.js";
import { parseEventStream as parseSse } from "../helpers/sse.js";
import { expectedStatus, secretOf } from "./thrown.js";

/** What happened around the request: the hook's calls and the process's unhandled failures. */
export interface Observed {
  answer: Answer;
  calls: ErrorCall[];
  crashes: string[];
  /** The text of the OpenTelemetry spans the request ran in. */
  spans: string;
}

/** The violations of `plan`'s answer. */
export function violations(plan: Plan, { answer, calls, crashes, spans }: Observed): string[] {
  const out: string[] = [...crashes.map((c) => `process: ${c}`), ...answer.framing.map((f) => `framing: ${f}`)];
  if (answer.hung) out.push("the response hangs (no byte for a long time and no end)");
  const core = secretOf(plan.thrown);
  const leak = core === undefined ? undefined : leakedSlice(answer.raw, core);
  if (leak !== undefined) out.push(`secret leaked: ${JSON.stringify(leak)} of ${JSON.stringify(core)}`);
  const spanLeak = core === undefined ? undefined : leakedSlice(spans, core);
  if (spanLeak !== undefined)
    out.push(`secret leaked into a span: ${JSON.stringify(spanLeak)} of ${JSON.stringify(core)}`);
  const { before, request } = plan;
  const bodiless = request.method === "HEAD" || before.status?.code === 204 || before.status?.code === 304;
  // A body written where HTTP allows none: node:http drops the write without sending the head,
  // node:http2 sends the head. Either an answer or a visible truncation is right then.
  const ambiguous = before.body === "partial" && bodiless && before.status?.how !== "flushed";
  // The truth after the app's res.destroy(): nothing was answered, and headers went out only if
  // the app had flushed them (node's own res.headersSent).
  const headersSent = started(before);
  if (calls.length !== 1) out.push(`onError called ${calls.length} times, not once`);
  // Inside an SSE stream the error is answered as an event: headersSent is left to the adapter there.
  // After writeHead then destroy, node's own res.headersSent already says true although
  // nothing went out: either answer is the runtime's truth there, so it is not judged.
  else if (
    !isSse(before) &&
    !ambiguous &&
    !(before.destroy && before.status?.how === "writeHead") &&
    calls[0]?.headersSent !== headersSent
  )
    out.push(`onError told headersSent: ${String(calls[0]?.headersSent)}, but it was ${String(headersSent)}`);
  if (ambiguous && !before.destroy) {
    if (!answer.complete && !answer.visiblyTruncated) out.push("neither an answer nor a visible truncation");
    return out;
  }

  if (before.destroy && calls.length === 1 && calls[0]?.answered !== false)
    out.push(`onError told answered: ${String(calls[0]?.answered)} for a response the app had destroyed`);
  if (before.destroy && !started(before)) {
    if (answer.complete) out.push("a destroyed response reads as complete");
    return out;
  }
  if (isSse(plan.before)) return [...out, ...sseViolations(plan, answer)];
  if (started(plan.before)) {
    const flushed = before.status?.how === "flushed" ? before.status.code : 200;
    // A started body cannot be taken back: the only honest end is a visible truncation
    // (a bodiless head that already went out is complete, and nothing can say otherwise).
    // The app's own res.destroy() on http2 closes the stream as node chooses: not the package's to judge.
    const appClosedH2 = before.destroy && plan.adapter === "http2";
    if (!appClosedH2 && !answer.visiblyTruncated && !(bodiless && answer.complete && answer.status === flushed))
      out.push(
        `a started response ended ${answer.complete ? "cleanly (looks complete)" : `without an error code (rst ${String(answer.rstCode)})`}`,
      );
    return out;
  }

  if (!answer.complete) return [...out, `no complete answer (truncated: ${String(answer.visiblyTruncated)})`];
  const status = expectedStatus(plan.thrown);
  if (answer.status !== status) out.push(`status ${String(answer.status)}, expected ${status}`);
  if (calls.length === 1 && calls[0]?.status !== answer.status)
    out.push(`onError told status ${String(calls[0]?.status)}, answered ${String(answer.status)}`);
  const withHook = plan.hooks.getRequestId !== "absent";
  const ids = headerValues(answer, echoHeader(withHook));
  if (ids.length > 1) out.push(`${ids.length} ${echoHeader(withHook)} lines`);
  const allowed = allowedIds(plan);
  if (allowed && !allowed.has(ids[0]))
    out.push(`request id ${String(ids[0])}, expected one of ${[...allowed].map(String).join(", ")}`);
  return [...out, ...headerViolations(plan, answer), ...bodyViolations(plan, answer, ids[0])];
}

/** After `sendSseError`: a clean end whose last event is the contract's error event. */
function sseViolations(plan: Plan, answer: Answer): string[] {
  if (!answer.complete) return ["an SSE stream ended by sendSseError is not complete"];
  if (plan.request.method === "HEAD") return [];
  const text = answer.body.toString("utf8");
  const events = parseSse(text);
  const last = events.at(-1);
  if (last === undefined) return [`no SSE event dispatched in ${JSON.stringify(text)}`];
  const dialect = effectiveDialect(plan.request.dialect);
  const out: string[] = [];
  // Anthropic's SDK raises only `event: error`; OpenAI's and Google's read unnamed events (and skip named ones).
  const wanted = dialect === "anthropic" ? "error" : "message";
  if (last.event !== wanted) out.push(`the error event is named ${last.event} on a ${dialect} stream`);
  // Never another dialect's event on a route: no `event: error` outside Anthropic's, no unnamed error data on it.
  for (const e of events) {
    if (dialect !== "anthropic" && e.event === "error") out.push(`an Anthropic-form event on a ${dialect} stream`);
    if (dialect === "anthropic" && e.event === "message" && /^\{"error"/.test(e.data))
      out.push("an unnamed (OpenAI/Gemini-form) error event on an anthropic stream");
  }
  return [...out, ...bodyViolations(plan, answer, undefined, last)];
}
