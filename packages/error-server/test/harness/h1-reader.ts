/**
 * A strict HTTP/1.1 reader of its own (RFC 9112), over a raw socket. The case's request is
 * pipelined with a sentinel `GET /ping` (Connection: close), so a response that lies about
 * its length swallows the sentinel or leaves bytes over, and a hang shows up without a timer
 * race; the sentinel's close ends the read.
 */
import { connect } from "node:net";
import { type Answer, emptyAnswer, HANG_MS } from "./answer.js";

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const STATUS_LINE = /^HTTP\/1\.1 ([1-9]\d\d) ([\t\x20-\x7e\x80-\xff]*)$/;

/** Sends `head` (request line and header lines, no final CRLF) then the sentinel; reads until the server closes. */
export async function requestH1(port: number, method: string, head: string[]): Promise<Answer> {
  const { bytes, reset, hung } = await exchange(
    port,
    `${head.join("\r\n")}\r\n\r\nGET /ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
  );
  const answer = emptyAnswer("h1");
  answer.raw = bytes.toString("latin1");
  answer.hung = hung;
  const rest = parseInto(answer, bytes, method);
  if (!answer.complete) {
    answer.visiblyTruncated = answer.started || bytes.length === 0 || reset;
    return answer;
  }
  if (rest.length > 0) {
    // What follows must be exactly the sentinel's response: anything else means the first lied about its end.
    const sentinel = emptyAnswer("h1");
    const extra = parseInto(sentinel, rest, "GET");
    if (!sentinel.complete || sentinel.status !== 200 || sentinel.body.toString() !== "pong" || extra.length > 0)
      answer.framing.push(
        `bytes after the response are not the sentinel's response: ${JSON.stringify(rest.toString("latin1").slice(0, 80))}`,
      );
  }
  return answer;
}

function exchange(port: number, request: string): Promise<{ bytes: Buffer; reset: boolean; hung: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let reset = false;
    let hung = false;
    // No half-close: node:http aborts pending requests when the client ends its side.
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    socket.setTimeout(HANG_MS, () => {
      hung = true;
      socket.destroy();
    });
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", () => void (reset = true));
    socket.on("close", () => resolve({ bytes: Buffer.concat(chunks), reset, hung }));
  });
}

/** Parses one response from `bytes` into `answer`; returns the bytes after it. */
function parseInto(answer: Answer, bytes: Buffer, method: string): Buffer {
  const end = bytes.indexOf("\r\n\r\n");
  if (bytes.length > 0) answer.started = true;
  if (end < 0) return Buffer.alloc(0);
  const head = bytes.subarray(0, end).toString("latin1");
  if (/(^|[^\r])\n/.test(head)) answer.framing.push("bare LF in the head");
  const [statusLine = "", ...lines] = head.split("\r\n");
  const status = STATUS_LINE.exec(statusLine);
  if (!status) {
    answer.framing.push(`bad status line ${JSON.stringify(statusLine)}`);
    return Buffer.alloc(0);
  }
  answer.status = Number(status[1]);
  answer.reason = status[2];
  for (const line of lines) {
    const colon = line.indexOf(":");
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    if (colon <= 0 || !TOKEN.test(name) || !FIELD_VALUE.test(value))
      answer.framing.push(`bad header line ${JSON.stringify(line)}`);
    answer.headers.push([name.toLowerCase(), value]);
  }
  return readBody(answer, bytes.subarray(end + 4), method);
}

function readBody(answer: Answer, after: Buffer, method: string): Buffer {
  const lengths = answer.headers.filter(([n]) => n === "content-length").map(([, v]) => v);
  const codings = answer.headers.filter(([n]) => n === "transfer-encoding").map(([, v]) => v.toLowerCase());
  const status = answer.status as number;
  if (lengths.length > 0 && codings.length > 0) answer.framing.push("both Content-Length and Transfer-Encoding");
  if (status === 204 && (lengths.length > 0 || codings.length > 0)) answer.framing.push("framing headers on a 204");
  if (new Set(lengths).size > 1 || lengths.some((v) => !/^\d+$/.test(v)))
    answer.framing.push(`bad Content-Length ${lengths.join(",")}`);
  if (method === "HEAD" || status === 204 || status === 304 || status < 200) {
    answer.complete = true;
    return after;
  }
  if (codings.length > 0) {
    const last = codings.join(",").split(",").pop()?.trim();
    if (last !== "chunked") {
      answer.framing.push(`transfer-coding ${codings.join(",")} does not end in chunked`);
      return Buffer.alloc(0);
    }
    return readChunked(answer, after);
  }
  if (lengths.length > 0) {
    const length = Number(lengths[0]);
    answer.body = after.subarray(0, length);
    answer.complete = after.length >= length;
    return after.subarray(Math.min(length, after.length));
  }
  // Close-delimited: everything up to the close (the sentinel's bytes included, if any).
  answer.body = after;
  answer.complete = true;
  answer.framing.push("no Content-Length or Transfer-Encoding on a keep-alive response");
  return Buffer.alloc(0);
}

function readChunked(answer: Answer, data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf("\r\n", at);
    if (eol < 0) break;
    const line = data.subarray(at, eol).toString("latin1");
    if (!/^[0-9a-fA-F]{1,16}(;.*)?$/.test(line)) {
      answer.framing.push(`bad chunk size line ${JSON.stringify(line)}`);
      break;
    }
    const size = parseInt(line, 16);
    if (size === 0) {
      const trailerEnd = data.indexOf("\r\n", eol + 2) === eol + 2 ? eol + 4 : data.indexOf("\r\n\r\n", eol + 2) + 4;
      if (trailerEnd < 4) break;
      answer.body = Buffer.concat(parts);
      answer.complete = true;
      return data.subarray(trailerEnd);
    }
    if (data.length < eol + 2 + size + 2) break;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    if (data.subarray(eol + 2 + size, eol + 4 + size).toString() !== "\r\n")
      answer.framing.push("chunk not followed by CRLF");
    at = eol + 4 + size;
  }
  answer.body = Buffer.concat(parts);
  return Buffer.alloc(0);
}
