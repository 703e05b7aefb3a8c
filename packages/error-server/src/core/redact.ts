import { prepareMessage } from "./message.js";
import { SECRET_RULES, type SecretRule } from "./redact-rules.js";

/** What replaces each masked secret in a message. */
export const REDACTED = "[redacted]";

// One pass over the text with one alternation of every rule (see redact-rules.ts for why
// each is linear). Case-insensitive: a key's case does not make it less secret. Consecutive
// rules entered at a word boundary share one `\b`: inside a word (most positions) one check
// skips them all, instead of trying each; their order, which decides ties, is kept.
function alternation(rules: readonly SecretRule[]): string {
  const parts: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 0) parts.push(`\\b(?:${run.join("|")})`);
    run = [];
  };
  for (const [, pattern] of rules) {
    if (pattern.startsWith("\\b")) run.push(`(?:${pattern.slice(2)})`);
    else {
      flush();
      parts.push(`(?:${pattern})`);
    }
  }
  flush();
  return parts.join("|");
}

const SECRET = new RegExp(alternation(SECRET_RULES), "gi");

/**
 * Masks secrets in a text, each replaced by `[redacted]`: private keys (also encrypted or
 * flattened to one line), URLs, Bearer and Basic tokens, `key = value` credentials in any
 * key style (dbPassword, AWS_SECRET_ACCESS_KEY, x-functions-key; quoted, JSON-escaped),
 * netrc lines, JWTs, cloud, SaaS and LLM provider keys (gitleaks' default rules, see the
 * README's table), `user:pass@host`, e-mail addresses, IPv4/IPv6 addresses and file-system
 * paths. Linear time in the length of `text`.
 */
export function redactSecrets(text: string): string {
  return text.replace(SECRET, REDACTED);
}

/**
 * `redactSecrets` for a message on its way into a response: redacted within the same window
 * as every other message (the response cap plus a margin) and cut to the cap, so the work
 * is bounded whatever the length of the text (a 90 KB property name in a framework's
 * validation message costs no more than any other message).
 */
export function redactMessage(text: string): string {
  return prepareMessage(text, redactSecrets);
}
