/** @google/genai against the Gemini surface (`/v1beta/models/...:generateContent`). */
import { GoogleGenAI } from "@google/genai";
import { at, jsonIn, member, type Probe, type Probes } from "../observe.js";
import { MODEL, observeCall, PROMPT, type Runners } from "./runner.js";

// The SDK's ApiError has only `status` and a message holding the body as JSON (in a stream:
// "got status: ...", then the JSON), so the code and request id are read from that JSON.
const ERROR_INFO = "type.googleapis.com/google.rpc.ErrorInfo";
const body = (error: unknown): unknown => jsonIn(at(error, "message"));
const errorInfo = (error: unknown): unknown => {
  const details = at(body(error), "error", "details");
  return Array.isArray(details) ? details.find((d) => at(d, "@type") === ERROR_INFO) : undefined;
};
const inMessage = (path: string, read: (error: unknown) => unknown): Probe => ({
  where: `JSON in err.message: error.${path}`,
  read,
});

const probes: Probes = {
  code: [inMessage("details[ErrorInfo].reason", (e) => at(errorInfo(e), "reason"))],
  requestId: [inMessage("details[ErrorInfo].metadata.request_id", (e) => at(errorInfo(e), "metadata", "request_id"))],
  status: [member("err", "status")],
  message: [member("err", "message")],
};

/** The @google/genai row's runner. */
export const genaiRunners: Runners = {
  genai: (baseUrl, mode) =>
    observeCall(probes, async (read) => {
      const client = new GoogleGenAI({ apiKey: "e2e-key", httpOptions: { baseUrl, apiVersion: "v1beta" } });
      const request = { model: MODEL, contents: PROMPT };
      if (mode === "plain") return client.models.generateContent(request);
      for await (const chunk of await client.models.generateContentStream(request)) read(chunk.text ?? "");
    }),
};
