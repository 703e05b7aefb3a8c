/** One server-sent event. */
export interface SseEvent {
  /** The `event:` field; "message" when the event named none. */
  event: string;
  /** The `data:` lines joined with "\n". */
  data: string;
  /** The last `id:` seen in the stream ("" when none). */
  id: string;
  /** The `retry:` field in ms, when this event carried one. */
  retry: number | null;
}

/** Thrown (internally) when one event grows past the cap. */
export class SseEventTooLong extends Error {}

/**
 * The event-stream format of the HTML standard, fed text as it arrives: lines end in CRLF,
 * LF or CR; `:` starts a comment; a blank line dispatches; an event without data is dropped.
 */
export class SseParser {
  private buffer = "";
  private data: string[] = [];
  private dataLength = 0;
  private type = "";
  private lastId = "";
  private retry: number | null = null;

  constructor(private readonly maxLength: number) {}

  /** The events completed by `text`. */
  push(text: string): SseEvent[] {
    this.buffer += text;
    const events: SseEvent[] = [];
    const eol = /\r\n|\r|\n/g;
    let start = 0;
    for (let m = eol.exec(this.buffer); m !== null; m = eol.exec(this.buffer)) {
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (m[0] === "\r" && m.index === this.buffer.length - 1) break;
      this.line(this.buffer.slice(start, m.index), events);
      start = m.index + m[0].length;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length + this.dataLength > this.maxLength) throw new SseEventTooLong();
    return events;
  }

  /** The events left when the stream ends. Lenient: a last event without its blank line is kept. */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.buffer !== "") this.line(this.buffer.replace(/\r$/, ""), events);
    this.buffer = "";
    this.line("", events);
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === "") {
      if (this.data.length > 0) events.push({ event: this.type || "message", data: this.data.join("\n"), id: this.lastId, retry: this.retry });
      this.data = [];
      this.dataLength = 0;
      this.type = "";
      this.retry = null;
      return;
    }
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") {
      this.data.push(value);
      this.dataLength += value.length + 1;
      if (this.dataLength > this.maxLength) throw new SseEventTooLong();
    } else if (field === "event") this.type = value;
    else if (field === "id" && !value.includes("\u0000")) this.lastId = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.retry = Number(value);
  }
}
