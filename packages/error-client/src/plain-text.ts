import { cut, oneLine } from "./text.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(x[\da-f]{1,6}|\d{1,7})|([a-z]{2,6}));/gi, (whole, num?: string, name?: string) => {
    // No own-member check needed: no member of Object.prototype is 2-6 letters.
    if (name) return ENTITIES[name.toLowerCase()] ?? whole;
    // "0x1F" (or "0X1F") is read as hex, "0123" as decimal: one Number() for both forms.
    const n = Number(`0${num}`);
    // Surrogates are halves of a character, never one: "&#xD800;" must not make broken text.
    return n > 0 && n <= 0x10ffff ? (n >= 0xd800 && n <= 0xdfff ? "\ufffd" : String.fromCodePoint(n)) : whole;
  });
}

/**
 * Markup: a comment, a script or style element with its content, or a tag. Each alternative
 * runs to its end or, unclosed, to the end of the text (the rest is markup, not text), and
 * a match consumes what it scanned, so no input makes the scan quadratic (a `</script`
 * without `>` is bounded by the next `<`).
 */
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style)[\s\S]*?(?:<\/\1[^<>]*>|$)|<[^>]*(?:>|$)/gi;

/** The text of an HTML fragment (each piece of markup becomes a space). */
const stripMarkup = (html: string): string => html.replace(MARKUP, " ");

/**
 * The `<title>` of an HTML page, if it has a non-empty one ("502 Bad Gateway"). Linear: the
 * pattern is tried once, where the first `<title` starts.
 */
function titleOf(html: string): string | null {
  const at = html.search(/<title/i);
  const match = at < 0 ? null : /^<title[^>]*>([^]*?)<\/title/i.exec(html.slice(at));
  return (match && oneLine(decodeEntities(match[1] as string))) || null;
}

/**
 * True when `text` contains a tag or a comment ("a < b" does not). Linear: `[^<>]*` stops
 * at the next bracket, so no input makes the scan quadratic.
 */
export const looksLikeHtml = (text: string): boolean =>
  /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--|<!doctype/i.test(text);

/**
 * A short, single-line, markup-free rendering of a body: an HTML page's title (or its text),
 * or the text itself, capped at `max` code units. Empty when there is nothing readable.
 * Control characters and runs of whitespace become one space: the same rule as every
 * ApiError message (`oneLine`, one helper for both).
 */
export function toPlainText(text: string, max: number, isHtml = false): string {
  return cut(
    isHtml || looksLikeHtml(text) ? (titleOf(text) ?? oneLine(decodeEntities(stripMarkup(text)))) : oneLine(text),
    max,
  );
}
