/** @anthropic-ai/sdk against the Anthropic surface (`/v1/messages`). */
import Anthropic from "@anthropic-ai/sdk";
import { member, type Probes } from "../observe.js";
import { MAX_TOKENS, MODEL, observeCall, PROMPT, type Runners } from "./runner.js";

// The SDK's typed places first (`errorCode` reads `error.details.error_code`, `requestID` the
// `request-id` header); then the untyped body, where an OpenAI-form body leaves them.
const probes: Probes = {
  code: [member("err", "errorCode"), member("err", "error", "error", "code")],
  requestId: [
    member("err", "requestID"),
    member("err", "error", "request_id"),
    member("err", "error", "error", "request_id"),
  ],
  status: [member("err", "status")],
  message: [member("err", "message")],
};

/** The @anthropic-ai/sdk row's runner. */
export const anthropicRunners: Runners = {
  anthropic: (baseUrl, mode) =>
    observeCall(probes, async (read) => {
      const client = new Anthropic({ baseURL: baseUrl, apiKey: "sk-ant-e2e" });
      const request = { model: MODEL, max_tokens: MAX_TOKENS, messages: [{ role: "user" as const, content: PROMPT }] };
      if (mode === "plain") return client.messages.create(request);
      const stream = await client.messages.create({ ...request, stream: true });
      for await (const event of stream)
        if (event.type === "content_block_delta" && event.delta.type === "text_delta") read(event.delta.text);
    }),
};
