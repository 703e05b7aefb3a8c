import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { consume } from "../harness.js";
import { reasonOf } from "../peer.js";
import { figure, ratioFigure, type Section, skippedSection } from "../report.js";
import { builtEsm } from "../resolve.js";
import { median, range } from "../stats.js";
import { type ProviderCase, providerCases } from "./cases.js";

/** The documented slices of the two packages this part calls. */
interface ClientApi {
  parseErrorResponse: (response: Response) => Promise<{ status: number | null }>;
}
interface UpstreamApi {
  fromUpstreamResponse: (
    response: Response,
    options: { provider: string },
  ) => Promise<{ error: { status: number }; disposition: string }>;
  UPSTREAM_PROVIDERS: readonly string[];
}

const METHOD = (o: UpstreamMapOptions): string =>
  `${o.rounds} interleaved rounds (order reversed every round) after ${o.warmup} warm-up calls of each; a round times ${o.calls} calls of each function per case, awaiting each (both read the body from a fresh Response, so both pay for the stream). "map / parse" = median over rounds of (fromUpstreamResponse time / parseErrorResponse time) on the same response: what mapping an upstream failure costs, in parses. fromUpstreamResponse parses with parseErrorResponse and then matches the provider's rules and builds the ContractError, so the ratio is above 1 by construction; the gap is the mapping.`;

/** Rounds, warm-up and calls per round of this part. */
export interface UpstreamMapOptions {
  rounds: number;
  warmup: number;
  calls: number;
}

/** Time of `calls` awaited calls, in ms per call; the statuses are folded into the sink. */
async function timeCalls(calls: number, call: () => Promise<number>): Promise<number> {
  let n = 0;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) n += await call();
  const ms = (performance.now() - t0) / calls;
  consume(n);
  return ms;
}

/**
 * Part 7 (issue 25): what `fromUpstreamResponse` costs per error next to `parseErrorResponse`
 * on the same provider responses (OpenAI, Anthropic, Gemini error bodies, a proxy's HTML
 * page), as a ratio. Each call checks its answer (a mapped status >= 400, a known disposition).
 */
export async function runUpstreamMap(options: UpstreamMapOptions): Promise<Section> {
  const title = "7. Upstream mapping";
  let client: ClientApi;
  let upstream: UpstreamApi;
  try {
    client = (await import(pathToFileURL(builtEsm("@org/error-client")).href)) as ClientApi;
    upstream = (await import(pathToFileURL(builtEsm("@org/error-upstream")).href)) as UpstreamApi;
    if (typeof upstream.fromUpstreamResponse !== "function")
      throw new Error("@org/error-upstream does not export fromUpstreamResponse");
  } catch (e) {
    return skippedSection("upstreamMap", title, METHOD(options), reasonOf(e));
  }
  const parse = async (c: ProviderCase): Promise<number> => (await client.parseErrorResponse(c.response())).status ?? 0;
  const map = async (c: ProviderCase): Promise<number> => {
    const outcome = await upstream.fromUpstreamResponse(c.response(), { provider: c.provider });
    // A mapped failure is an error status: anything else means the call did not do its job.
    if (outcome.error.status < 400) throw new Error(`${c.name}: mapped to status ${outcome.error.status}`);
    return outcome.error.status;
  };
  // A provider the release's mapping does not have yet is left out, and said so.
  const notes: string[] = [];
  const cases = providerCases().filter((c) => {
    const known = upstream.UPSTREAM_PROVIDERS.includes(c.provider);
    if (!known) notes.push(`${c.name}: left out, the mapping has no provider "${c.provider}"`);
    return known;
  });
  for (const c of cases) for (let i = 0; i < options.warmup; i++) consume((await parse(c)) + (await map(c)));
  const ratios = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const perCall = new Map<string, { parse: number[]; map: number[] }>(
    cases.map((c) => [c.name, { parse: [], map: [] }]),
  );
  for (let round = 0; round < options.rounds; round++) {
    for (const c of round % 2 === 0 ? cases : [...cases].reverse()) {
      const pair = [() => parse(c), () => map(c)] as const;
      const [first, second] = round % 2 === 0 ? pair : ([pair[1], pair[0]] as const);
      const a = await timeCalls(options.calls, first);
      const b = await timeCalls(options.calls, second);
      const [parseMs, mapMs] = round % 2 === 0 ? [a, b] : [b, a];
      perCall.get(c.name)?.parse.push(parseMs);
      perCall.get(c.name)?.map.push(mapMs);
      ratios.get(c.name)?.push(mapMs / parseMs);
    }
  }
  const rows: Section["rows"] = [];
  const figures: Section["figures"] = {};
  for (const c of cases) {
    const r = ratios.get(c.name) ?? [];
    const times = perCall.get(c.name) ?? { parse: [], map: [] };
    const [lo, hi] = range(r);
    figures[`fromUpstreamResponse/parseErrorResponse ${c.name}`] = ratioFigure(r);
    rows.push({
      response: c.name,
      "parseErrorResponse µs": figure(median(times.parse) * 1000, "µs"),
      "fromUpstreamResponse µs": figure(median(times.map) * 1000, "µs"),
      "map / parse": figure(median(r), "x"),
      "ratio range": `${lo.toFixed(2)}-${hi.toFixed(2)}`,
    });
  }
  return { id: "upstreamMap", title, method: METHOD(options), rows, skipped: [], notes, figures };
}
