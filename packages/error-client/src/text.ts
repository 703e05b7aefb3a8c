// ANSI escape sequences (CSI ... final byte, OSC ... BEL/ST) go whole: removing only ESC
// would leave "[31m" in the text.
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?)?/g;
// C0 and C1 controls, DEL, line/paragraph separators and bidi overrides: anything that can
// break a log line or make one line look like another. Runs of them (and of white space)
// become one space.
const CONTROLS = /[\s\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;
// A lone surrogate (high without low, or low without high) is not text. With the `u` flag
// a pair is one code point, so a surrogate that matches is a lone one.
const LONE = /[\ud800-\udfff]/gu;
// Fast path: printable ASCII with single spaces needs no work (most messages).
const CLEAN = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/**
 * `text` as one line of well-formed text: ANSI escapes removed, controls and line breaks
 * made single spaces, lone surrogates replaced by U+FFFD, trimmed. Why: messages and
 * request ids come from the server and end up in logs; a CR/LF or an escape there forges
 * log lines.
 */
export function oneLine(text: string): string {
  if (CLEAN.test(text)) return text;
  return text.replace(ANSI, "").replace(CONTROLS, " ").replace(LONE, "\ufffd").trim();
}

/**
 * Cuts `text` to `max` Unicode code points (as JSON Schema's `maxLength` counts), marking the
 * cut with an ellipsis; a surrogate pair is one code point, never split.
 */
export function cut(text: string, max: number): string {
  // At most one code point per code unit: a text no longer than `max` units fits as it is.
  if (text.length <= max) return text;
  // Walk at most `max` code points (a pair counts once): the work is bounded by the cap, not by
  // the text (a 64 KiB body costs what its 2,048-point snippet costs).
  let i = 0;
  let keep = 0;
  for (let n = 0; n < max; n++) {
    if (n === max - 1) keep = i;
    if (i >= text.length) return text;
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return i >= text.length ? text : `${text.slice(0, keep)}…`;
}

/** A field (type, param, url): one line, at most `max` code points (200 by default), else null. */
export const field = (value: string | null | undefined, max = 200): string | null =>
  value ? cut(oneLine(value), max) || null : null;
