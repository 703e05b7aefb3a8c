import autocannon from "autocannon";
import { reasonOf, versionOf } from "../peer.js";
import { figure, ratioFigure, type Section, skippedSection } from "../report.js";
import { builtEsm } from "../resolve.js";
import { mean, median } from "../stats.js";
import { type ServerChild, startServer } from "./children.js";

/** Headers that differ per response or per connection, not per implementation. */
const VOLATILE = new Set(["date", "connection", "keep-alive"]);

/** Status, headers and body of one response, for the parity check. */
async function snapshot(url: string): Promise<string> {
  const res = await fetch(url, { headers: { connection: "close" } });
  const headers = [...res.headers].filter(([k]) => !VOLATILE.has(k)).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify({ status: res.status, headers, body: await res.text() });
}

const SERVERS = [
  { id: "a", label: "A: @org/error-server sendError(createError(...))", script: "contract-server.mjs" },
  { id: "b", label: "B: JSON written by hand", script: "hand-server.mjs" },
  { id: "c", label: "C: by hand, from an Error made per request (reference)", script: "hand-error-server.mjs" },
  { id: "d", label: "D: @org/error-server sendError(one shared ContractError)", script: "contract-shared-server.mjs" },
  { id: "e", label: "E: by hand, plus a createError(...) per request (reference)", script: "hand-create-server.mjs" },
  // The control: B's own script in a second process. Its ratio to B can only be noise (the
  // machine, the scheduler, the client), so its spread is how far any ratio here can be trusted.
  { id: "f", label: "F: B again, a second process (the noise floor)", script: "hand-server.mjs" },
] as const;

// Each round runs every server once, B between A and its control F, then the reverse order:
// a ratio compares neighbours in time as far as it can.
const ORDER = [0, 1, 5, 2, 3, 4];

const METHOD = (o: { pairs: number; seconds: number }): string =>
  `autocannon ${versionOf("autocannon")} in this process (10 connections, no pipelining) against node:http servers in child processes on 127.0.0.1 (ephemeral ports, NODE_ENV=production); every request is answered 404 model_not_found, byte for byte the same from every server (checked first; a difference is reported below). ${o.pairs} rounds of ${o.seconds} s per server, order A B F C D E then E D C F B A; each round starts its own server processes and warms each up for 1 s. "vs B" = median over rounds of (req/s / req/s of B in the same round). A vs C is the package's own cost once both build an Error per request; D vs B is its cost with no Error built per request; E vs B is what building the ContractError alone costs, and A vs E everything else. F is B's own script in a second process: F vs B can only be noise, so its spread is the noise floor of every ratio of the run (a round of A vs B below F's lowest says nothing about the code).`;

/** Part 4: requests/s of a server answering through @org/error-server vs the same answer by hand. */
export async function runServer(options: { pairs: number; seconds: number }): Promise<Section> {
  const title = "4. Server overhead (node:http)";
  try {
    builtEsm("@org/error-server");
    builtEsm("@org/error-server", "./node");
  } catch (e) {
    return skippedSection("server", title, METHOD(options), reasonOf(e));
  }
  let children: ServerChild[] = [];
  // A fresh set of server processes, started in `order`: their URLs by server.
  const startAll = async (order: readonly number[]): Promise<string[]> => {
    const urls: string[] = [];
    for (const i of order) {
      const child = await startServer(SERVERS[i]?.script ?? "");
      children.push(child);
      urls[i] = child.url;
    }
    return urls;
  };
  const stopAll = async (): Promise<void> => {
    const stopping = children;
    children = [];
    await Promise.all(stopping.map((c) => c.stop()));
  };
  try {
    const notes: string[] = [];
    const load = (url: string, duration: number) => autocannon({ url, connections: 10, duration, pipelining: 1 });
    const rps: number[][] = SERVERS.map(() => []);
    const p99: number[][] = SERVERS.map(() => []);
    let failures = 0;
    for (let round = 0; round < options.pairs; round++) {
      const order = round % 2 === 0 ? ORDER : [...ORDER].reverse();
      // Every round starts its own processes. Why: a process keeps whatever the machine gave it
      // (its core, where its memory landed) for its whole life, and two copies of one server
      // were seen to differ by 10% run after run; fresh processes per round turn that into
      // noise the median over rounds absorbs, instead of a bias one server carries throughout.
      const urls = await startAll(order);
      if (round === 0) {
        const snapshots = await Promise.all(urls.map(snapshot));
        snapshots.forEach((snap, i) => {
          if (snap !== snapshots[1])
            notes.push(
              `${SERVERS[i]?.label} answers differently from B, so its ratio compares different work: ${snap} vs ${snapshots[1]}`,
            );
        });
      }
      for (const i of order) await load(urls[i] as string, 1);
      for (const i of order) {
        const result = await load(urls[i] as string, options.seconds);
        failures += result.errors + result.timeouts;
        rps[i]?.push(result.requests.total / result.duration);
        p99[i]?.push(result.latency.p99);
      }
      await stopAll();
    }
    if (failures > 0) notes.push(`${failures} connection errors or timeouts during the runs`);
    // Each round runs the servers back to back, so a ratio within a round compares the same
    // seconds of machine load; the median over rounds drops a round a load spike hit.
    const ratios = SERVERS.map((_, i) => (rps[i] ?? []).map((x, r) => x / (rps[1]?.[r] ?? Number.NaN)));
    const rows: Section["rows"] = SERVERS.map((s, i) => ({
      server: s.label,
      "mean req/s": figure(mean(rps[i] ?? []), "req/s"),
      "p99 latency": figure(mean(p99[i] ?? []), "ms"),
      "vs B": figure(median(ratios[i] ?? []), "x"),
      "per-round ratios": (ratios[i] ?? []).map((r) => r.toFixed(2)).join(" "),
    }));
    return {
      id: "server",
      title,
      method: METHOD(options),
      rows,
      skipped: [],
      notes,
      figures: {
        "A/B": ratioFigure(ratios[0] ?? []),
        "C/B": ratioFigure(ratios[2] ?? []),
        "A/C": ratioFigure((rps[0] ?? []).map((x, r) => x / (rps[2]?.[r] ?? Number.NaN))),
        "D/B": ratioFigure(ratios[3] ?? []),
        "E/B": ratioFigure(ratios[4] ?? []),
        "A/E": ratioFigure((rps[0] ?? []).map((x, r) => x / (rps[4]?.[r] ?? Number.NaN))),
        "F/B": ratioFigure(ratios[5] ?? []),
      },
    };
  } catch (e) {
    return skippedSection("server", title, METHOD(options), reasonOf(e));
  } finally {
    await stopAll();
  }
}
