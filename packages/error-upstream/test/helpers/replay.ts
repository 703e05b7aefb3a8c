import type { CorpusCase } from "./corpus.js";
import { failureKind } from "./corpus.js";
import type { Replay } from "./fake-provider.js";
import type { Rig, Route } from "./rig.js";
import { closedPort } from "./servers.js";
import { createServer } from "node:http";

// Short enough for a test, long enough for a loaded machine to answer a healthy call first.
const TIMEOUT_MS = 400;

/** How a case is played: what the fake provider replays and where the gateway calls. */
export async function staging(c: CorpusCase, rig: Rig): Promise<{ replay: Replay; route: Route }> {
  const route: Route = { provider: c.provider };
  if (c.request?.dialect !== undefined) route.dialect = c.request.dialect;
  const kind = failureKind(c);
  if (kind === undefined) {
    const r = c.response;
    if (r === undefined) throw new Error(`${c.name}: neither response nor failure`);
    const replay: Replay = { status: r.status };
    if (r.headers !== undefined) replay.headers = r.headers;
    if (r.body !== undefined) replay.body = r.body;
    if (r.stream !== undefined) replay.stream = r.stream;
    return { replay, route };
  }
  const f = c.failure ?? {};
  const replay: Replay = { status: f.status ?? 200 };
  if (f.headers !== undefined) replay.headers = f.headers;
  switch (kind) {
    case "connect":
      return { replay, route: { ...route, providerUrl: await closedPort(() => createServer()) } };
    case "dns":
      return { replay, route: { ...route, providerUrl: "http://provider.invalid" } };
    case "tls":
      return { replay, route: { ...route, providerUrl: rig.fake.url.replace("http:", "https:") } };
    case "timeout":
    case "body_timeout":
    case "reset_before_headers":
    case "reset_after_headers":
      return { replay: { ...replay, breaks: kind }, route: { ...route, timeoutMs: TIMEOUT_MS } };
    default:
      throw new Error(`${c.name}: unknown failure kind ${kind}`);
  }
}
