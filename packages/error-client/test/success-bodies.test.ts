import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, fetchWithContract } from "../src/index.js";
import { reply, startServer, type TestServer } from "./helpers/server.js";

// Defect 3 of issue 12: only a body that is an error envelope (nothing beside `error` but
// Anthropic's `"type": "error"` and `request_id`) is an error inside a 2xx; a resource that
// merely has an `error` member is a success.

const err = { code: "server_error", message: "The model failed" };
const resources: Record<string, unknown> = {
  "OpenAI failed response": { id: "resp_1", object: "response", status: "failed", error: err },
  "OpenAI failed fine-tuning job": {
    id: "ftjob-1",
    object: "fine_tuning.job",
    status: "failed",
    error: { code: "invalid_training_file", message: "bad file", param: "training_file" },
  },
  "batch with errors": { object: "batch", errors: null, error: { message: "partial", type: "x" }, data: [] },
  "error beside an id only": { id: "x", error: { message: "m", type: "t", code: null } },
  "error beside data": { data: [], error: { message: "m" } },
  "Anthropic-like with a type other than error": { type: "message", error: { type: "x", message: "m" } },
  "two-element array": [{ error: { message: "m" } }, { error: { message: "n" } }],
  "error is a string": { error: "not an object" },
  "error without a message": { error: { code: "x" } },
};
const envelopes: Record<string, unknown> = {
  "our envelope": { error: { message: "no channel", type: "upstream_error", code: "get_channel_failed" } },
  "contract 1.1 envelope": {
    error: {
      message: "no channel",
      type: "upstream_error",
      code: "get_channel_failed",
      request_id: "req_9",
      doc_url: "https://errors.example/#get_channel_failed",
    },
  },
  Anthropic: { type: "error", error: { type: "overloaded_error", message: "Overloaded" }, request_id: "req_a" },
  "Google in an array": [{ error: { code: 503, message: "unavailable", status: "UNAVAILABLE" } }],
};

let server: TestServer;
const routes: Record<string, ReturnType<typeof reply>> = {};
const path = (kind: string, name: string) => `/${kind}/${encodeURIComponent(name).replaceAll("%", "_")}`;
for (const [name, body] of Object.entries(resources))
  routes[path("r", name)] = reply({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
for (const [name, body] of Object.entries(envelopes))
  routes[path("e", name)] = reply({
    status: 200,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
beforeAll(async () => {
  server = await startServer(routes);
});
afterAll(() => server.close());

describe("errors inside 2xx responses: only an envelope is an error", () => {
  it.each(Object.keys(resources))("%s: a resource, handed back", async (name) => {
    const response = await fetchWithContract(server.url(path("r", name)), {}, { retry: false });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(resources[name]);
  });

  it.each(Object.keys(envelopes))("%s: an error envelope, raised", async (name) => {
    const error = await fetchWithContract(server.url(path("e", name)), {}, { retry: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, isContract: true });
  });

  it("contract 1.1: docUrl and request_id are read from the body", async () => {
    const error = await fetchWithContract(server.url(path("e", "contract 1.1 envelope")), {}, { retry: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "get_channel_failed",
      requestId: "req_9",
      docUrl: "https://errors.example/#get_channel_failed",
    });
  });

  it("detectErrorsInSuccess: false turns detection off", async () => {
    const response = await fetchWithContract(
      server.url(path("e", "our envelope")),
      {},
      { retry: false, detectErrorsInSuccess: false },
    );
    expect(response.status).toBe(200);
  });
});
