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

// One shared pattern (a literal in push() would be a new RegExp per chunk); push() is not
// re-entrant, and lastIndex is set before every use.
const EOL = /[\r\n]/g;

/** Thrown (internally) when one event grows past the cap. */
export class SseEventTooLong extends Error {}

/**
 * The event-stream format of the HTML standard, fed text as it arrives: lines end in CRLF,
 * LF or CR; `:` starts a comment; a blank line dispatches; an event without data is dropped.
 * Linear in the text fed, whatever the chunking: each chunk is scanned once, and an
 * unfinished line is kept as pieces, never rescanned.
 */
export class SseParser {
  /** The unfinished line so far (string concatenation in V8 is a rope: no copy per piece). */
  private partial = "";
  /** The previous chunk ended in CR: a LF at the start of the next one belongs to it. */
  private afterCr = false;
  private data: string[] = [];
  private dataLength = 0;
  private type = "";
  private lastId = "";
  private retry: number | null = null;
  /** Lines that were event-stream lines (a comment or a known field): 0 for a body that is no stream. */
  fields = 0;
  /** Characters examined looking for line ends (for tests: proves each is looked at once). */
  scanned = 0;

  constructor(private readonly maxLength: number) {}

  /** The events completed by `text`. */
  push(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    let start = 0;
    if (this.afterCr && text.charCodeAt(0) === 10) start = 1;
    if (text !== "") this.afterCr = false;
    const eol = EOL;
    eol.lastIndex = start;
    for (let m = eol.exec(text); m !== null; m = eol.exec(text)) {
      const at = m.index;
      this.line(this.partial + text.slice(start, at), events);
      this.partial = "";
      start = at + 1;
      if (text.charCodeAt(at) === 13) {
        if (at + 1 === text.length) this.afterCr = true;
        else if (text.charCodeAt(at + 1) === 10) start++;
      }
      eol.lastIndex = start;
    }
    this.scanned += text.length;
    if (start < text.length) this.partial += text.slice(start);
    if (this.partial.length + this.dataLength > this.maxLength) throw new SseEventTooLong();
    return events;
  }

  /** The events left when the stream ends. Lenient: a last event without its blank line is kept. */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.partial !== "") this.line(this.partial, events);
    this.partial = "";
    this.line("", events);
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === "") {
      if (this.data.length > 0)
        events.push({ event: this.type || "message", data: this.data.join("\n"), id: this.lastId, retry: this.retry });
      this.data = [];
      this.dataLength = 0;
      this.type = "";
      this.retry = null;
      return;
    }
    if (line.startsWith(":")) {
      this.fields++;
      return;
    }
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    if (field === "data" || field === "event" || field === "id" || field === "retry") this.fields++;
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
