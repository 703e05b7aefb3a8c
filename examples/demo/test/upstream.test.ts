import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { upstreamLines } from "../src/upstream.js";

const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");

it("the demo's provider failure names the provider, both request ids and the disposition, as its README shows", async () => {
  const lines = await upstreamLines();
  const block = /```text\n(a provider failure[^]*?)```/.exec(README)?.[1];
  expect(block, "the demo README has the upstream block").toBeDefined();
  expect(lines).toEqual(block!.trimEnd().split("\n"));
  const text = lines.join("\n");
  expect(text).toContain("request ids  gateway req_0100, provider req_up_7f3a");
  expect(text).toContain('"provider":"openai"');
  expect(text).toContain("disposition quota");
  // The key in the provider's message never reaches the caller.
  expect(text).not.toContain("sk-proj-");
});
