/**
 * The HTTP/2 reader: node:http2's client session, one stream per case, reading the HEADERS,
 * the DATA, whether END_STREAM arrived and the RST_STREAM code the stream closed with. A
 * stream that stops without END_STREAM is truncated, and only an error code makes that
 * visible: RST_STREAM(NO_ERROR) there looks like a complete response to curl.
 */
import { connect, constants, type IncomingHttpHeaders, type OutgoingHttpHeaders } from "node:http2";
import { type Answer, emptyAnswer, HANG_MS } from "./answer.js";

/** Requests `path` with `headers` (arrays send repeated fields) on a fresh session. */
export function requestH2(port: number, headers: OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve) => {
    const answer = emptyAnswer("h2");
    const session = connect(`http://127.0.0.1:${port}`);
    session.on("error", () => undefined);
    const stream = session.request(headers);
    const chunks: Buffer[] = [];
    let ended = false;
    stream.setTimeout(HANG_MS, () => {
      answer.hung = true;
      stream.close(constants.NGHTTP2_CANCEL);
    });
    stream.on("response", (h: IncomingHttpHeaders) => {
      answer.started = true;
      answer.status = Number(h[":status"]);
      for (const [name, value] of Object.entries(h)) {
        if (name.startsWith(":") || value === undefined) continue;
        for (const v of Array.isArray(value) ? value : [String(value)]) answer.headers.push([name, v]);
      }
    });
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => void (ended = true));
    stream.on("error", () => undefined);
    stream.on("close", () => {
      answer.body = Buffer.concat(chunks);
      answer.rstCode = stream.rstCode;
      answer.complete = ended && answer.started;
      answer.visiblyTruncated = !answer.complete && stream.rstCode !== constants.NGHTTP2_NO_ERROR;
      const lengths = answer.headers.filter(([n]) => n === "content-length").map(([, v]) => Number(v));
      if (ended && headers[":method"] !== "HEAD" && lengths.length > 0 && lengths[0] !== answer.body.length)
        answer.framing.push(`content-length ${String(lengths[0])} but ${answer.body.length} bytes of DATA`);
      answer.raw = `${answer.headers.map(([n, v]) => `${n}: ${v}`).join("\n")}\n\n${answer.body.toString("latin1")}`;
      session.close();
      resolve(answer);
    });
    stream.end();
  });
}
