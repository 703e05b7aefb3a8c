/**
 * The demo client: calls each route with @org/error-client and reports what happened:
 * the final status and code, how many times it retried and how long it waited.
 */
import {
  type ApiError,
  fetchWithContract,
  isApiError,
  readSseEvents,
  type RetryEvent,
  type RetryPolicy,
} from "@org/error-client";

/** One line of the demo's report. */
export interface Outcome {
  path: string;
  status: number | null;
  code: string | null;
  retries: number;
  waitedMs: number;
  result: string;
  /** The final error's request id (header or body `request_id`), when it failed. */
  requestId: string | null;
  /** The final error's `doc_url` (contract 1.1), when its body had one. */
  docUrl: string | null;
}

/**
 * The contract's default policy, with a shorter first backoff (100 ms instead of 500 ms)
 * and no jitter, so the demo is quick and prints the same numbers every time.
 */
export const DEMO_POLICY: RetryPolicy = { baseDelayMs: 100, jitter: 0 };

const describeError = (e: ApiError): string => `${e.kind === "http" ? "error" : e.kind}: ${e.detail}`;

/** Reads a stream of chat chunks, keeping what arrived before a mid-stream error. */
async function readStream(response: Response, parts: string[]): Promise<void> {
  for await (const event of readSseEvents(response)) {
    const chunk = JSON.parse(event.data) as { choices: [{ delta: { content: string } }] };
    parts.push(chunk.choices[0].delta.content);
  }
}

/** Calls `path` (streams are read with readSseEvents) and reports the outcome. */
export async function callRoute(baseUrl: string, path: string): Promise<Outcome> {
  const retried: ApiError[] = [];
  let waitedMs = 0;
  const onRetry = ({ delayMs, error }: RetryEvent): void => {
    retried.push(error);
    waitedMs += delayMs;
  };
  const after = (): string =>
    retried.length === 0 ? "" : ` after ${retried.map((e) => `${e.status} ${e.code ?? e.type}`).join(", ")}`;
  const parts: string[] = [];
  try {
    const response = await fetchWithContract(
      `${baseUrl}${path}`,
      { method: "POST", body: '{"model":"gpt-9"}' },
      { retry: DEMO_POLICY, onRetry },
    );
    let result: string;
    if (response.headers.get("content-type") === "text/event-stream") {
      await readStream(response, parts);
      result = `streamed "${parts.join("")}"`;
    } else {
      result = `ok ${JSON.stringify(await response.json())}${after()}`;
    }
    return {
      path,
      status: response.status,
      code: null,
      retries: retried.length,
      waitedMs,
      result,
      requestId: null,
      docUrl: null,
    };
  } catch (error) {
    if (!isApiError(error)) throw error;
    const streamed = parts.length > 0 ? `streamed "${parts.join("")}", then ` : "";
    return {
      path,
      status: error.status,
      code: error.code,
      retries: retried.length,
      waitedMs,
      result: `${streamed}${describeError(error)}`,
      requestId: error.requestId,
      docUrl: error.docUrl,
    };
  }
}
