import { pathToFileURL } from "node:url";
import { reasonOf } from "./peer.js";
import { figure, type Section, skippedSection } from "./report.js";
import { builtEsm } from "./resolve.js";

interface SseApi {
  readSseEvents: (response: Response, options?: { maxEventLength?: number }) => AsyncIterable<{ data: string }>;
}

const TITLE = "6. SSE parsing linearity";
const METHOD =
  "readSseEvents (built package) on one line of N characters without a line ending, delivered as an in-memory stream in chunks of 1, 16 and N bytes; wall time of the whole read. Linear parsing: the time per byte does not grow with N (compare N = 500 KB and 1 MB), and no chunking rescans an unfinished line.";

async function readLine(api: SseApi, size: number, chunk: number): Promise<number> {
  const bytes = new TextEncoder().encode(`data: ${"x".repeat(size)}\n\n`);
  let at = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(at, at + chunk));
        at += chunk;
      },
    },
    { highWaterMark: 0 },
  );
  const started = performance.now();
  let read = 0;
  for await (const event of api.readSseEvents(
    new Response(body, { headers: { "content-type": "text/event-stream" } }),
    { maxEventLength: 2 * size },
  ))
    read += event.data.length;
  if (read !== size) throw new Error(`expected ${size} characters of data, got ${read}`);
  return performance.now() - started;
}

/** Issue 12: SSE parsing is linear in the bytes received whatever the chunking (1 MB line in 1- and 16-byte chunks). */
export async function runSseLinearity(): Promise<Section> {
  let api: SseApi;
  try {
    api = (await import(pathToFileURL(builtEsm("@org/error-client")).href)) as SseApi;
  } catch (e) {
    return skippedSection("sseLinearity", TITLE, METHOD, reasonOf(e));
  }
  const rows: Section["rows"] = [];
  const figures: Section["figures"] = {};
  for (const chunk of [1, 16, 0]) {
    const times = [];
    for (const size of [500_000, 1_000_000]) times.push(await readLine(api, size, chunk === 0 ? size + 10 : chunk));
    const [half = 0, full = 0] = times;
    const label = chunk === 0 ? "one chunk" : `${chunk}-byte chunks`;
    figures[`1 MB line, ${label}`] = figure(full, "ms");
    rows.push({
      chunking: label,
      "500 KB": figure(half, "ms"),
      "1 MB": figure(full, "ms"),
      "1 MB / 500 KB": figure(full / half, "x"),
    });
  }
  return {
    id: "sseLinearity",
    title: TITLE,
    method: METHOD,
    rows,
    skipped: [],
    notes: [
      "A quadratic parser doubles its per-byte cost when N doubles (ratio ~4x); a linear one stays ~2x. The one-chunk times are a few ms, so their ratio is noise (warm-up, GC).",
    ],
    figures,
  };
}
