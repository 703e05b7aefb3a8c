/** What replaces each masked secret in a message. */
export const REDACTED = "[redacted]";

// One pass over the message with one alternation. Every branch is a run of a single
// character class, or bounded repeats of groups that must each consume a separator the
// class cannot match, so no branch can backtrack more than a constant per position:
// the work is linear in the (already capped) length. Order matters: URLs first, so that
// an IP or key inside a URL goes with the URL.
const HEX = "[0-9a-f]{1,4}";
const PATTERNS = [
  // URLs with any scheme: https://user:pass@host/path?key=... up to whitespace or a quote.
  String.raw`\b[a-z][a-z0-9+.\-]{1,15}:\/\/[^\s"'<>]+`,
  // Authorization values: Bearer / Basic tokens.
  String.raw`\b(?:bearer|basic)\s+[a-z0-9\-._~+\/]{8,}=*`,
  // API keys: sk-..., sk_live_..., rk-..., pk_... (OpenAI, Anthropic, Stripe style).
  String.raw`\b(?:sk|rk|pk)[-_][a-z0-9_\-]{8,}`,
  // key=value credentials outside URLs: api_key=..., token: ..., Authorization: Bearer ...
  String.raw`\b(?:api[-_]?key|access[-_]?token|token|secret|password|passwd|authorization)\s{0,3}[:=]\s{0,3}(?:(?:bearer|basic)\s{1,3})?[^\s,;&"']+`,
  // IPv4 addresses.
  String.raw`\b(?:\d{1,3}\.){3}\d{1,3}\b`,
  // IPv6: the full form, and the compressed forms with "::" (at least one group beside it).
  String.raw`\b${HEX}(?::${HEX}){7}\b`,
  String.raw`\b${HEX}(?::${HEX}){0,6}::(?:${HEX}(?::${HEX}){0,6})?(?![0-9a-z_:])`,
  String.raw`(?<![0-9a-z_:])::${HEX}(?::${HEX}){0,6}(?![0-9a-z_:])`,
];
const SECRET = new RegExp(PATTERNS.join("|"), "gi");

/**
 * Masks URLs, IP addresses, bearer tokens, API-key-like strings (`sk-...`) and `key=value`
 * credentials in a message, each replaced by `[redacted]`. Linear time; callers cap the
 * message first so the work is bounded whatever the input.
 */
export function redactSecrets(message: string): string {
  return message.replace(SECRET, REDACTED);
}
