/**
 * Text for one log line or one exception message, from data anyone may have written (a
 * JSON Pointer of a member name, a hook's error message): one line, no control, bidi or
 * separator character raw (each shown as `\uXXXX`), at most `max` code points.
 */

// C0 and C1 controls, DEL, the bidi marks, embeddings, overrides and isolates, and the
// line/paragraph separators: what can forge a log line or reorder what a reader sees.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `text` as one safe line of at most `max` code points, ending in "…" when cut. Linear, bounded by `max`. */
export function logText(text: string, max: number): string {
  // Each escaped character becomes 6 units: looking at 2×max units is enough for max code points.
  const window = text.length > max * 2 ? text.slice(0, max * 2) : text;
  const safe = window.replace(UNSAFE, escape);
  if (window.length === text.length) return truncateCodePoints(safe, max);
  // The window dropped the rest: end in "…" within the cap.
  const shorter = truncateCodePoints(safe, max - 1);
  return shorter === safe ? `${safe}…` : shorter;
}

/**
 * Cuts `text` to at most `max` code points (a surrogate pair is one: JSON Schema's
 * `maxLength` counts that way), ending in "…" when cut; never splits a pair.
 */
export function truncateCodePoints(text: string, max: number): string {
  // At most one code point per unit: a text no longer than `max` units is within the cap.
  if (text.length <= max) return text;
  let points = 0;
  let end = 0;
  // Where the (max-1)th code point ends: room for the "…".
  while (end < text.length && points < max - 1) {
    const c = text.charCodeAt(end);
    end += c >= 0xd800 && c <= 0xdbff && end + 1 < text.length ? 2 : 1;
    points++;
  }
  if (end >= text.length) return text;
  // The rest may still fit whole: count it without passing the cap.
  let rest = 0;
  for (let i = end; i < text.length && rest <= 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    rest++;
  }
  return rest <= 1 ? text : `${text.slice(0, end)}…`;
}
