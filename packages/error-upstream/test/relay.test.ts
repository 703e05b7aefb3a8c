import { readSseEvents } from "@org/error-client";
import { validateErrorEnvelope } from "@org/error-validator";
import { describe, expect, it } from "vitest";
import { relayUpstreamStream } from "../src/index.js";

const sse = (text: string, headers: Record<string, string> = {}): Response =>
  new Response(text, { status: 200, headers: { "content-type": "text/event-stream", ...headers } });

const ANTHROPIC_OVERLOADED =
  'event: message_start\ndata: {"type":"message_start"}\n\nevent: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}\n\n';
const OPENAI_QUOTA =
  'data: {"choices":[{"delta":{"content":"Hi"}}]}\n\ndata: {"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}\n\n';

/** The relayed text and what a client's event reader makes of it. */
async function relay(response: Response, provider: string, dialect: "openai" | "anthropic" | "gemini") {
  const { stream, outcome } = relayUpstreamStream(response, { provider, dialect, errorOptions: { requestId: "gw-1" } });
  const text = await new Response(stream).text();
  return { text, outcome: await outcome };
}

describe("relayUpstreamStream", () => {
  it("an Anthropic overloaded_error relayed on an OpenAI route ends with the contract's event in the OpenAI form", async () => {
    const { text, outcome } = await relay(sse(ANTHROPIC_OVERLOADED, { "request-id": "req_1" }), "anthropic", "openai");
    const blocks = text.trim().split("\n\n");
    expect(blocks[0]).toBe('event: message_start\ndata: {"type":"message_start"}');
    const data = JSON.parse((blocks[1] ?? "").replace(/^data: /, "")) as {
      error: Record<string, unknown>;
      retryable: boolean;
    };
    expect(validateErrorEnvelope({ error: data.error }, { mode: "strict" }).ok).toBe(true);
    expect(data.error).toMatchObject({
      code: null,
      request_id: "gw-1",
      upstream: { provider: "anthropic", request_id: "req_1" },
    });
    expect(data.retryable).toBe(true);
    expect([outcome?.rule, outcome?.disposition, outcome?.error.status]).toEqual([
      "anthropic.stream-overloaded",
      "overloaded",
      503,
    ]);
  });

  it("an OpenAI in-stream quota error relayed on an Anthropic route ends with `event: error`, not retryable", async () => {
    const { text, outcome } = await relay(sse(OPENAI_QUOTA), "openai", "anthropic");
    const last = text.trim().split("\n\n").at(-1) ?? "";
    expect(last.startsWith("event: error\ndata: ")).toBe(true);
    const data = JSON.parse(last.split("\n")[1]?.slice(6) ?? "null") as { type: string; retryable: boolean };
    expect([data.type, data.retryable]).toEqual(["error", false]);
    expect([outcome?.rule, outcome?.disposition]).toEqual(["openai.stream-quota", "quota"]);
  });

  it("on a Gemini route the error event is Google's status, the contract code in its ErrorInfo", async () => {
    const { text, outcome } = await relay(sse(OPENAI_QUOTA), "openai", "gemini");
    const last = text.trim().split("\n\n").at(-1) ?? "";
    expect(last.startsWith("data: ")).toBe(true);
    const data = JSON.parse(last.slice(6)) as {
      error: { code: number; status: string; details: { reason?: string }[] };
    };
    expect(data.error.code).toBe(outcome?.error.status);
    expect(typeof data.error.status).toBe("string");
    expect(data.error.details.map((d) => d.reason)).toContain(outcome?.error.code);
  });

  it("passes a healthy stream through event for event, and says it ended well", async () => {
    const upstream = 'id: 1\ndata: {"a":1}\n\nevent: ping\ndata: x\ndata: y\n\ndata: [DONE]\n\n';
    const { text, outcome } = await relay(sse(upstream), "openai", "openai");
    const read = async (body: string) => {
      const out = [];
      for await (const event of readSseEvents(sse(body))) out.push(event);
      return out;
    };
    expect(await read(text)).toEqual(await read(upstream));
    expect(outcome).toBeNull();
  });

  it("a connection that breaks midway ends with read_response_body_failed", async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new TypeError("terminated"));
        sent = true;
        controller.enqueue(new TextEncoder().encode('data: {"a":1}\n\n'));
      },
    });
    const { outcome } = await relay(
      new Response(body, { headers: { "content-type": "text/event-stream" } }),
      "openai",
      "openai",
    );
    expect([outcome?.error.code, outcome?.rule]).toEqual(["read_response_body_failed", "generic.reset-after-headers"]);
  });

  it("cancelling the relayed stream cancels the provider's", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new TextEncoder().encode('data: {"a":1}\n\n')),
      cancel: () => void (cancelled = true),
    });
    const { stream, outcome } = relayUpstreamStream(
      new Response(body, { headers: { "content-type": "text/event-stream" } }),
      { provider: "openai" },
    );
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(cancelled).toBe(true);
    expect(await outcome).toBeNull();
  });
});
