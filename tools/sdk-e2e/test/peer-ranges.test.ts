import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// `@org/error-client` declares the AI SDK and its providers as optional peers: a claim that
// the integration works with those versions. The matrix runs the integration against one
// version of each major (ai 7 and its providers under `ai7*` aliases, in a Node 22 child), and
// its asserted rows are the evidence. This keeps the claim and the evidence the same majors.
const require = createRequire(import.meta.url);
const client = require("@org/error-client/package.json") as { peerDependencies: Record<string, string> };

/** The majors a peer range of the form `^6.0.0 || ^7.0.0` admits. */
function majorsOf(range: string): number[] {
  return range.split("||").map((part) => {
    const match = /^\s*\^(\d+)\.\d+\.\d+\s*$/.exec(part);
    if (!match) throw new Error(`a peer range this test cannot read: ${range}`);
    return Number(match[1]);
  });
}

const majorOf = (pkg: string): number =>
  Number((require(`${pkg}/package.json`) as { version: string }).version.split(".")[0]);

/** Each peer and the packages the matrix installs it as (the newest major under an alias). */
const MEASURED: Record<string, string[]> = {
  ai: ["ai", "ai7"],
  "@ai-sdk/openai-compatible": ["@ai-sdk/openai-compatible", "ai7-openai-compatible"],
  "@ai-sdk/openai": ["@ai-sdk/openai", "ai7-openai"],
  "@ai-sdk/anthropic": ["@ai-sdk/anthropic", "ai7-anthropic"],
};

describe("@org/error-client's AI SDK peer ranges are the majors the matrix asserts", () => {
  it.each(Object.entries(MEASURED))("%s", (peer, installed) => {
    const range = client.peerDependencies[peer];
    expect(range, `${peer} is a peer of @org/error-client`).toBeDefined();
    expect(majorsOf(range as string).sort()).toEqual(installed.map(majorOf).sort());
  });
});
