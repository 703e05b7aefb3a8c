/**
 * The secret patterns `redactSecrets` masks, in the order they are tried at each position
 * (the first that matches wins): secrets recognised by their context (PEM blocks, URLs,
 * Authorization values, `key = value` pairs, netrc lines), then prefixed tokens
 * (redact-token-rules.ts), then what identifies infrastructure (user:pass@host, e-mail and
 * IP addresses, file-system paths). Which of gitleaks' default rules each pattern covers, and
 * why the others are not covered: redact-rules.data.ts.
 *
 * Linear time, by construction: every pattern starts with a literal, a word boundary or a
 * negative lookbehind of its own first class (so a run is entered once, at its start, not
 * at every character of it), and every repetition is bounded and cannot overlap the text
 * that follows it. No pattern can backtrack more than a constant per position.
 */
import { LLM_KEY_RULES, VENDOR_TOKEN_RULES } from "./redact-token-rules.js";

/** One masking rule: `[rule id, pattern source]` (the pattern is used case-insensitively). */
export type SecretRule = readonly [id: string, pattern: string];

const HEX4 = "[0-9a-f]{1,4}";
const IPV4 = String.raw`(?:\d{1,3}\.){3}\d{1,3}`;
const PEM_LABEL = String.raw`[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----`;

// What names a secret inside a key, in any case style (dbPassword, AWS_SECRET_ACCESS_KEY,
// x-functions-key, Ocp-Apim-Subscription-Key): the word may sit anywhere in the key. The
// lookaheads keep counts and vocabulary out (max_tokens, tokenizer, keyword, keyboard, passed).
const KEY_WORD = String.raw`(?:passw(?:or)?d|passphrase|pass(?![a-z])|pwd|secret|token(?!s|i[sz])|credential|key(?!board|word|stroke|code|frame|space|note)|auth(?![a-z])|authorization|cookie|session[_-]?id)`;
// Between a key and its value: its closing quote (also escaped), the separator, spaces.
const SEPARATOR = String.raw`(?:\\{0,7}["'])?\s{0,16}(?:=>|:{1,3}=|\?=|[:=])\s{0,16}`;
// A value: quoted, JSON-escaped (\"...\", \\\"...\\\": an upstream body quoted in a message), or
// bare. A run ending in ":" or followed by ":" or "=" is not a value but the next key ("invalid
// credentials: 'password': '...'"): the match fails there and the pair is masked from its own
// key. Why (?=(?<name>run))\k<name>: an atomic group, so the run is never retried shorter (which
// would mask half the key and leave the value). A PEM block or a netrc line after a key is left
// to its own rule (masked whole, not cut after its first word).
const QUOTED = String.raw`(?=(?<quoted>"[^"\r\n]{1,256}|'[^'\r\n]{1,256}))\k<quoted>(?:["'](?!\s{0,16}(?:=>|[:=]))|(?!["']))`;
const ESCAPED = String.raw`(?=(?<escaped>\\{1,7}["'](?:[^"'\\\r\n]|\\{1,7}(?![\\"'])){1,256}))\k<escaped>(?!\\{1,7}["']\s{0,16}(?:=>|[:=]))`;
const BARE = String.raw`(?:(?:bearer|basic|token)\s{1,3})?(?=(?<bare>[^\s"',;&)}\]]{1,256}))\k<bare>(?<!:)(?!\s{0,16}(?:=>|[:=]))`;
const VALUE = String.raw`(?!["'\\]{0,8}(?:-----BEGIN|machine(?:\s|\\[nrt])))(?:${QUOTED}|${ESCAPED}|${BARE})`;

// netrc's separators (whitespace, also escaped) and tokens (anything else): disjoint, so a
// line splits one way only.
const NETRC_SEP = String.raw`(?:\s|\\[nrt]){1,3}`;
const NETRC_TOKEN = String.raw`(?:[^\s\\]|\\(?![nrt])){1,256}`;

/** Secrets recognised by what surrounds them. */
const CONTEXT_RULES: readonly SecretRule[] = [
  // private-key: a PEM block header to footer, whatever is inside (encrypted headers, a block
  // flattened to one line with spaces or escaped \n); without a footer, to the end of its body.
  [
    "private-key",
    String.raw`-----BEGIN${PEM_LABEL}(?:(?:[^-]|-(?!----)){0,8192}-----END${PEM_LABEL}|(?:Proc-Type:[^\r\n\\]{0,64}|DEK-Info:[^\r\n\\]{0,128}|[A-Za-z0-9+\/=\\]|\r?\n| (?=[A-Za-z0-9+\/]{16})){0,8192})`,
  ],
  // Ours: URLs with any scheme (credentials, internal hosts, query-string keys), up to whitespace or a quote.
  ["url", String.raw`\b[a-z][a-z0-9+.\-]{1,15}:\/\/[^\s"'<>]{1,4096}`],
  // curl-auth-header: Authorization values, Bearer and Basic tokens.
  ["auth-header", String.raw`\b(?:bearer|basic)\s{1,3}[a-z0-9\-._~+\/]{8,4096}={0,2}`],
  // netrc: a machine (or default) line up to its password; its breaks may be escaped (\n in JSON).
  [
    "netrc",
    String.raw`(?:\b|(?<=\\[nrt]))(?:machine${NETRC_SEP}${NETRC_TOKEN}|default)(?:${NETRC_SEP}(?:login|account|port)${NETRC_SEP}${NETRC_TOKEN}){0,3}${NETRC_SEP}password${NETRC_SEP}${NETRC_TOKEN}`,
  ],
  // curl-auth-user: curl's -u / --user (also after an escaped \n) with user:password, each part bare or
  // quoted, or the pair quoted whole.
  [
    "curl-auth-user",
    String.raw`(?:(?<!\S)|(?<=\\[rnt]))(?:-u|--user)(?:=|[ \t]{0,5})(?:(?:[^\s"':]{0,64}|"[^"\r\n]{0,64}"|'[^'\r\n]{0,64}'):(?:[^\s"']{1,256}|"[^"\r\n]{1,256}"|'[^'\r\n]{1,256}')|"[^"\r\n]{1,256}"|'[^'\r\n]{1,256}')`,
  ],
  // nuget-config-password: <add key="ClearTextPassword" value="..."/>.
  [
    "nuget-config-password",
    String.raw`\bkey=\\{0,3}"(?:cleartext)?password\\{0,3}"\s{0,16}value=\\{0,3}"[^"\r\n\\]{1,256}`,
  ],
  // generic-api-key: key = value credentials, quoted or not (JSON and escaped JSON, YAML, env, query strings,
  // headers). The lookahead first asks whether the word is a key at all (one scan of it): only
  // then is it searched for a word that names a secret.
  [
    "generic-api-key",
    String.raw`(?<![\w.-])(?=[\w.-]{1,81}${SEPARATOR})[\w.-]{0,40}?${KEY_WORD}[\w.-]{0,40}${SEPARATOR}${VALUE}`,
  ],
  // jwt: three base64url segments, header and payload starting "ey".
  ["jwt", String.raw`\bey[a-z0-9_-]{10,4096}\.ey[a-z0-9_\/\\-]{10,4096}\.?[a-z0-9_\/\\+=-]{0,4096}`],
];

/** Ours: what identifies infrastructure rather than grants access. */
const INFRASTRUCTURE_RULES: readonly SecretRule[] = [
  // user:password@host without a scheme (database DSNs, proxy settings).
  ["userinfo", String.raw`(?<![\w.%+-])[\w.%+-]{1,64}:[^\s@\/'"]{1,64}@[\w.-]{1,253}(?::\d{1,5})?`],
  ["email", String.raw`(?<![\w.%+-])[\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}`],
  // IPv6 with an embedded IPv4 (::ffff:10.0.0.7), before the plain forms so no octet is left.
  ["ipv4-mapped-ipv6", String.raw`(?<![0-9a-z_:])(?:[0-9a-f]{0,4}:){2,6}${IPV4}\b`],
  ["ipv4", String.raw`\b${IPV4}\b`],
  // IPv6, the full form and the compressed forms with "::".
  ["ipv6", String.raw`\b${HEX4}(?::${HEX4}){7}\b`],
  ["ipv6-compressed", String.raw`\b${HEX4}(?::${HEX4}){0,6}::(?:${HEX4}(?::${HEX4}){0,6})?(?![0-9a-z_:])`],
  ["ipv6-leading", String.raw`(?<![0-9a-z_:])::${HEX4}(?::${HEX4}){0,6}(?![0-9a-z_:])`],
  // Home directories and file-system paths (Unix roots, ~/, Windows drives, also JSON-escaped).
  [
    "unix-path",
    String.raw`(?<![\w.~\/-])(?:~|\/(?:home|users|root|var|etc|opt|srv|tmp|usr|mnt|data|app|proc|run|private|workspace|builds))(?:\/[\w.@+-]{1,128}){0,32}\/?`,
  ],
  ["windows-path", String.raw`\b[a-z]:(?:\\{1,2}[^\\\s"'<>|:*?]{1,128}){1,32}\\{0,2}`],
];

/** Every rule, in the order tried at each position. */
export const SECRET_RULES: readonly SecretRule[] = [
  ...CONTEXT_RULES,
  ...VENDOR_TOKEN_RULES,
  ...LLM_KEY_RULES,
  ...INFRASTRUCTURE_RULES,
];
