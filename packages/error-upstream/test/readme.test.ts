import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReadmeGateway } from "./helpers/readme-gateway.js";
import { Rig } from "./helpers/rig.js";

const here = dirname(fileURLToPath(import.meta.url));
const readme = readFileSync(join(here, "..", "README.md"), "utf8");
const require = createRequire(import.meta.url);
const cjs = require("../dist/index.cjs") as Record<string, unknown>;
const esm = (await import("../dist/index.js")) as Record<string, unknown>;
const dts = readFileSync(join(here, "..", "dist", "index.d.ts"), "utf8");

describe("the README", () => {
  it("names every export (values and types) of the built package", () => {
    const values = Object.keys(esm);
    const types = [...dts.matchAll(/export \{([^}]*)\}/g)].flatMap((m) =>
      (m[1] ?? "").split(",").map(
        (s) =>
          s
            .trim()
            .replace(/^type /, "")
            .split(" as ")
            .pop() ?? "",
      ),
    );
    for (const name of new Set([...values, ...types].filter(Boolean))) expect(readme, name).toContain(`\`${name}\``);
  });

  it("the built package has the same exports from require and import", () => {
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
  });
});

describe("the README's gateway, over HTTP", () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await Rig.start(await loadReadmeGateway());
  });
  afterAll(async () => {
    await rig.close();
  });

  it("relays a provider's success as it came", async () => {
    const completion = { id: "chatcmpl-1", object: "chat.completion", choices: [{ message: { content: "hi" } }] };
    rig.fake.replay = { status: 200, body: completion };
    const gateway = await rig.gatewayUrl({ provider: "openai" });
    const res = await fetch(`${gateway}/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(completion);
  });

  it("answers a provider's invalid key as channel:invalid_key 502, not retryable, naming the provider", async () => {
    rig.fake.replay = {
      status: 401,
      headers: { "x-request-id": "req_9" },
      body: {
        error: {
          message: "Incorrect API key provided: sk-abc***xyz.",
          type: "invalid_request_error",
          code: "invalid_api_key",
        },
      },
    };
    const got = await rig.send({ provider: "openai" });
    expect([got.status, got.envelope?.error["code"], got.retryable, got.outcome?.disposition]).toEqual([
      502,
      "channel:invalid_key",
      false,
      "credential",
    ]);
    expect(got.envelope?.error["upstream"]).toEqual({
      provider: "openai",
      status: 401,
      code: "invalid_api_key",
      type: "invalid_request_error",
      request_id: "req_9",
    });
  });
});
