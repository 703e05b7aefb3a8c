/**
 * What a client read back for one case, from either protocol's reader: enough to judge
 * framing (complete, or visibly truncated), headers and body, and every byte received for
 * the secret scan.
 */

/** The outcome of one request, as an independent client saw it on the wire. */
export interface Answer {
  protocol: "h1" | "h2";
  /** A status line / HEADERS frame arrived. */
  started: boolean;
  /** The response ended as its framing says (h1: length/chunks/bodiless; h2: END_STREAM). */
  complete: boolean;
  /** It ended early in a way a client must notice (h1: EOF or reset mid-message; h2: RST_STREAM with an error code). */
  visiblyTruncated: boolean;
  /** Violations of HTTP's framing rules, by the strict reader. */
  framing: string[];
  status: number | undefined;
  reason: string | undefined;
  /** Header lines in order, names lower-cased. */
  headers: Array<[string, string]>;
  body: Buffer;
  /** Every byte received (h1) or the decoded headers and body (h2), for the secret scan. */
  raw: string;
  /** h2: the RST_STREAM code the stream closed with. */
  rstCode: number | undefined;
  /** The reader gave up waiting (no byte for a long time): the response hangs. */
  hung: boolean;
}

/** All values of header `name` (lower-case). */
export function headerValues(answer: Answer, name: string): string[] {
  return answer.headers.filter(([n]) => n === name).map(([, v]) => v);
}

/** The comma-separated tokens of every `name` line, lower-cased. */
export function headerTokens(answer: Answer, name: string): string[] {
  return headerValues(answer, name)
    .flatMap((v) => v.split(","))
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "");
}

/** An empty answer to fill in. */
export function emptyAnswer(protocol: "h1" | "h2"): Answer {
  return {
    protocol,
    started: false,
    complete: false,
    visiblyTruncated: false,
    framing: [],
    status: undefined,
    reason: undefined,
    headers: [],
    body: Buffer.alloc(0),
    raw: "",
    rstCode: undefined,
    hung: false,
  };
}

/**
 * The idle time after which a reader reports a hang. Not a speed goal: a response that has
 * not moved for this long is one a real client waits on until its own timeout.
 */
export const HANG_MS = 8_000;
