/**
 * The one escaping rule for text meant for a log line (issue messages, the error's message,
 * quoted values, exception texts). A log line is one line a person reads and a collector
 * splits on newlines, so text received from outside must not be able to end it, fake a new
 * one, recolour a terminal or reorder what is shown:
 * - C0 controls (line feed, carriage return, ESC...), DEL and C1 controls (U+0080-U+009F,
 *   U+009B is a one-character CSI) are written as `\n`, `\r`, `\t` or `\uXXXX`;
 * - U+2028 and U+2029 (line and paragraph separators), the bidi marks, embeddings,
 *   overrides and isolates (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069) and
 *   U+FEFF are written as `\uXXXX`;
 * - a lone surrogate (half of a pair: not text) is written as `\uXXXX`; pairs are kept;
 * - the output is capped: at most `max` characters, then a visible "…".
 * The work is bounded by `max`, whatever the length of the text.
 */

/** Longest piece of received text (a value, a member name, a path) a message quotes. */
export const MAX_QUOTED_LENGTH = 80;

/** True for a code unit (not a surrogate) that a log line must not carry raw. */
function unsafe(c: number): boolean {
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  if (c < 0x061c) return false;
  return (
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

const SHORT: Readonly<Record<number, string>> = { 0x09: "\\t", 0x0a: "\\n", 0x0d: "\\r" };
const escapeUnit = (c: number): string => SHORT[c] ?? `\\u${c.toString(16).padStart(4, "0")}`;

/**
 * `text` as one safe piece of a log line: every unsafe character escaped (see above), and at
 * most `max` characters long, ending in "…" when cut (a surrogate pair is never split).
 * `quoted`: also escape `"` and `\`, for text shown between double quotes (`quote`).
 * Safe text that fits is returned as it is, so applying it twice changes nothing.
 */
export function logText(text: string, max: number, quoted = false): string {
  if (text.length <= max && isPlain(text, quoted)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let piece: string;
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = text.charCodeAt(i + 1);
      // A high surrogate followed by a low one is a character; anything else is half of one.
      const pair = c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff;
      piece = pair ? text.slice(i, i + 2) : escapeUnit(c);
      if (pair) i++;
    } else if (unsafe(c)) piece = escapeUnit(c);
    else if (quoted && (c === 0x22 || c === 0x5c)) piece = `\\${text[i] as string}`;
    else piece = text[i] as string;
    if (out.length + piece.length > max) return `${out}…`;
    out += piece;
  }
  return out;
}

/** True when nothing in `text` needs escaping (no surrogate either: checking pairs is the slow path's job). */
function isPlain(text: string, quoted: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdfff) || unsafe(c) || (quoted && (c === 0x22 || c === 0x5c))) return false;
  }
  return true;
}

/** `text` between double quotes, escaped for a log line and cut at `max` characters (default MAX_QUOTED_LENGTH). */
export function quote(text: string, max = MAX_QUOTED_LENGTH): string {
  return `"${logText(text, max, true)}"`;
}
