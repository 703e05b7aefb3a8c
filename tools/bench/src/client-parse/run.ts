import { pathToFileURL } from "node:url";
import { makeBatch, runRounds, type BatchTask } from "../harness.js";
import { reasonOf } from "../peer.js";
import { figure, ratioFigure, type Section, skippedSection } from "../report.js";
import { builtEsm } from "../resolve.js";
import { mean, median, range } from "../stats.js";
import { type BodyCase, bodyCases } from "./bodies.js";
import { BODY_CAP, manualParse } from "./manual.js";

/** The documented slice of @org/error-client this part calls (issue 5). */
interface ClientApi {
  parseErrorBody: (input: { status: number; headers?: Record<string, string>; body: unknown }) => {
    isContract: boolean;
    code: unknown;
    status: unknown;
  };
}

const CLIENT = "@org/error-client parseErrorBody";
const MANUAL = "JSON.parse + manual check (64 KiB cap)";
const NAIVE = "JSON.parse + manual check (no cap)";

const METHOD = (o: { rounds: number; timeMs: number }): string =>
  `tinybench, ${o.rounds} interleaved rounds x ${o.timeMs} ms per task (order reversed every round) after warm-up; each parse turns status + headers + body text into an Error. "vs manual" = median over rounds of (row / capped manual baseline in the same round), from each round's median batch time. The no-cap row parses the whole body, as a naive client does.`;

/** Part 5: parseErrorBody on our envelope, an HTML page and a 1 MiB body, vs JSON.parse + a manual check. */
export async function runClientParse(options: { rounds: number; timeMs: number; warmupMs: number }): Promise<Section> {
  const title = "5. Client parse";
  let client: ClientApi;
  try {
    client = (await import(pathToFileURL(builtEsm("@org/error-client")).href)) as ClientApi;
    if (typeof client.parseErrorBody !== "function")
      throw new Error("@org/error-client does not export parseErrorBody");
  } catch (e) {
    return skippedSection("clientParse", title, METHOD(options), reasonOf(e));
  }
  const notes: string[] = [];
  const tasks: (BatchTask & { peer: string; body: string })[] = [];
  for (const c of bodyCases()) {
    const peers: [string, (c: BodyCase) => boolean, boolean][] = [
      [
        CLIENT,
        (x) => client.parseErrorBody({ status: x.status, headers: x.headers, body: x.body }).isContract,
        c.isContract,
      ],
      [MANUAL, (x) => manualParse(x.status, x.headers, x.body).isContract, c.isContract],
    ];
    if (c.body.length > BODY_CAP)
      peers.push([
        NAIVE,
        (x) => manualParse(x.status, x.headers, x.body, false).isContract,
        manualParse(c.status, c.headers, c.body, false).isContract,
      ]);
    for (const [peer, check, contract] of peers) {
      const got = check(c);
      if (got !== contract)
        notes.push(
          `${peer} on ${c.name}: isContract ${got}, expected ${contract}${peer === CLIENT && c.body.length > BODY_CAP ? " (the 64 KiB cap was not honoured)" : ""}`,
        );
      else if (
        peer === CLIENT &&
        c.body.length > BODY_CAP &&
        manualParse(c.status, c.headers, c.body, false).isContract
      )
        notes.push(
          `cap honoured: parseErrorBody read the ${c.name} as truncated JSON (isContract false), where parsing it whole gives an envelope`,
        );
      tasks.push({
        name: `${peer} / ${c.name}`,
        peer,
        body: c.name,
        run: makeBatch(`${peer} ${c.name}`, check, [c], c.repeat),
        perCall: c.repeat,
        expected: got ? c.repeat : 0,
      });
    }
  }
  const stats = await runRounds(tasks, options);
  const rows: Section["rows"] = [];
  const figures: Section["figures"] = {};
  for (const task of tasks) {
    const rounds = stats.get(task.name) ?? [];
    const base = stats.get(`${MANUAL} / ${task.body}`) ?? [];
    const ratios = rounds.map((r, i) => r.p50OpsPerSec / (base[i]?.p50OpsPerSec ?? Number.NaN));
    const [lo, hi] = range(ratios);
    if (task.peer === CLIENT) figures[`parseErrorBody/manual ${task.body}`] = ratioFigure(ratios);
    rows.push({
      parser: task.peer,
      body: task.body,
      "mean ops/s": figure(mean(rounds.map((r) => r.opsPerSec)), "ops/s"),
      rme: figure(median(rounds.map((r) => r.rmePercent)), "%"),
      "vs manual": figure(median(ratios), "x"),
      "ratio range": `${lo.toFixed(2)}-${hi.toFixed(2)}`,
    });
  }
  return { id: "clientParse", title, method: METHOD(options), rows, skipped: [], notes, figures };
}
