import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { callRoute, type Outcome } from "../src/client.js";
import { reportLines } from "../src/report.js";
import { ROUTES, startService } from "../src/service.js";

// The root README shows what `pnpm demo` prints: the block must be what the demo prints now.
const README = readFileSync(fileURLToPath(new URL("../../../README.md", import.meta.url)), "utf8");

it("the README's demo output is what the demo prints (request ids and reference entries included)", async () => {
  const block = /```\n(route {22}status[^]*?)```/.exec(README)?.[1];
  expect(block, "the README has a demo output block").toBeDefined();
  const { baseUrl, stop } = await startService();
  try {
    const rows: Outcome[] = [];
    for (const path of Object.keys(ROUTES)) rows.push(await callRoute(baseUrl, path));
    expect(reportLines(rows)).toEqual(block!.trimEnd().split("\n"));
    const stream = rows.find((r) => r.path === "/v1/chat/stream");
    // The streamed error's id came in the SSE event's body: the 200's headers had none.
    expect(stream).toMatchObject({
      status: 200,
      code: "channel:response_time_exceeded",
      requestId: expect.stringMatching(/^req_\d{4}$/),
      docUrl: expect.stringContaining("#channel:response_time_exceeded"),
    });
  } finally {
    await stop();
  }
}, 30_000);
