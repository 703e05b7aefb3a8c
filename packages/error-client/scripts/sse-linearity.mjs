// SSE parsing cost for a 1 MB line without a line ending, fed in 1-, 16- and 1 MB-character
// chunks, through the built package's readSseEvents (a Response over an in-memory stream).
// Linear parsing: each chunking costs about the same per byte. Run after `pnpm build`.
import { readSseEvents } from "../dist/index.js";

const SIZE = Number(process.env.SSE_SIZE ?? 1_000_000);
async function run(chunk) {
  const line = `data: ${"x".repeat(SIZE)}\n\n`;
  const bytes = new TextEncoder().encode(line);
  let i = 0;
  const stream = new ReadableStream(
    {
      pull(controller) {
        if (i >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(i, i + chunk));
        i += chunk;
      },
    },
    { highWaterMark: 0 },
  );
  const response = new Response(stream, { headers: { "content-type": "text/event-stream" } });
  const start = performance.now();
  let n = 0;
  for await (const event of readSseEvents(response, { maxEventLength: 2 * SIZE })) n += event.data.length;
  const ms = performance.now() - start;
  if (n !== SIZE) throw new Error(`expected ${SIZE} characters, got ${n}`);
  return ms;
}
for (const chunk of [1, 16, SIZE + 10]) {
  const ms = await run(chunk);
  console.log(`1 MB line in ${chunk > SIZE ? "one" : chunk}-byte chunks: ${ms.toFixed(0)} ms`);
}
