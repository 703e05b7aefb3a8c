import { SECRET_RULES } from "./redact-rules.js";

/** What replaces each masked secret in a message. */
export const REDACTED = "[redacted]";

// One pass over the text with one alternation of every rule (see redact-rules.ts for why
// each is linear). Case-insensitive: a key's case does not make it less secret.
const SECRET = new RegExp(SECRET_RULES.map(([, pattern]) => `(?:${pattern})`).join("|"), "gi");

/**
 * Masks secrets in a text, each replaced by `[redacted]`: private keys, URLs, Bearer and
 * Basic tokens, `key=value` credentials (quoted too), JWTs, cloud and SaaS keys (AWS,
 * GitHub, GitLab, Slack, Google, OpenAI, Anthropic, Stripe, ... after gitleaks' default
 * rules), `user:pass@host`, e-mail addresses, IPv4/IPv6 addresses and file-system paths.
 * Linear time in the length of `text`.
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET, REDACTED);
}
