/** One dispatched server-sent event. */
export interface ParsedEvent {
  event: string;
  data: string;
}

/**
 * A strict reader of `text/event-stream` after the WHATWG HTML specification (§9.2.6),
 * independent of the package and of any SDK: lines end in CRLF, LF or CR; a blank line
 * dispatches the event when its data buffer is not empty; an event cut off by the end of
 * the stream is discarded.
 */
export function parseEventStream(text: string): ParsedEvent[] {
  const events: ParsedEvent[] = [];
  let data: string[] = [];
  let event = "";
  for (const line of text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .slice(0, -1)) {
    if (line === "") {
      if (data.length > 0) events.push({ event: event || "message", data: data.join("\n") });
      data = [];
      event = "";
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
  }
  return events;
}
