/**
 * A strict server-sent events reader after the WHATWG HTML "event stream interpretation":
 * lines end at CRLF, LF or CR; `data` lines append to the buffer (joined by LF); a blank
 * line dispatches; an event not ended by a blank line when the stream ends is discarded.
 */

/** One dispatched event. */
export interface SseEvent {
  event: string;
  data: string;
}

/** The events a client dispatches for `text`. */
export function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  let data: string[] = [];
  let event = "";
  const lines = text.split(/\r\n|\r|\n/);
  // The last piece has no line end: an unfinished line, which a client never processes.
  lines.pop();
  for (const line of lines) {
    if (line === "") {
      if (data.length > 0) events.push({ event: event || "message", data: data.join("\n") });
      data = [];
      event = "";
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
  }
  return events;
}
