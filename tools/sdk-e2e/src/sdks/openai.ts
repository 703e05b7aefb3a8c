/** openai-node against the OpenAI surface (`/v1/chat/completions`). */
import OpenAI from "openai";
import { member, type Probes } from "../observe.js";
import { MODEL, observeCall, PROMPT, type Runners } from "./runner.js";

const probes: Probes = {
  code: [member("err", "code")],
  requestId: [member("err", "requestID")],
  status: [member("err", "status")],
  message: [member("err", "message")],
};

/** The openai row's runner. */
export const openaiRunners: Runners = {
  openai: (baseUrl, mode) =>
    observeCall(probes, async (read) => {
      const client = new OpenAI({ baseURL: `${baseUrl}/v1`, apiKey: "sk-e2e" });
      const request = { model: MODEL, messages: [{ role: "user" as const, content: PROMPT }] };
      if (mode === "plain") return client.chat.completions.create(request);
      const stream = await client.chat.completions.create({ ...request, stream: true });
      for await (const chunk of stream) read(chunk.choices[0]?.delta.content ?? "");
    }),
};
