/**
 * The generated secret corpus: credentials in the forms gitleaks' default rules describe
 * (provider key prefixes, `key=value` pairs with camelCase and header-style keys,
 * JSON-escaped pairs, PEM blocks, URLs with credentials, key id + secret pairs), each
 * embedded in an error message the way upstream failures quote them. Every secret carries a
 * random core; the invariant is that no 12-character slice of that core reaches a response.
 */
import fc from "fast-check";

/** One generated secret: the message that carries it and the random core that must never leak. */
export interface Secret {
  /** The gitleaks rule (or form) the secret is shaped after, for counterexamples. */
  rule: string;
  /** The text as it appears inside a message. */
  text: string;
  /** The random part: a response leaks the secret when it contains a slice of this. */
  core: string;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const HEX = "0123456789abcdef";
const UPPER32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

const chars = (alphabet: string, length: number): fc.Arbitrary<string> =>
  fc
    .array(fc.integer({ min: 0, max: alphabet.length - 1 }), { minLength: length, maxLength: length })
    .map((indexes) => indexes.map((i) => alphabet[i]).join(""));

// [rule, shape of the secret around its core, length and alphabet of the core]. Prefixes
// and lengths after gitleaks' config/gitleaks.toml (rule ids as there).
type Form = readonly [rule: string, wrap: (core: string) => string, length: number, alphabet?: string];
const FORMS: readonly Form[] = [
  ["openai-api-key", (c) => `sk-proj-${c}T3BlbkFJ${c.slice(0, 20)}`, 40],
  ["anthropic-api-key", (c) => `sk-ant-api03-${c}AA`, 93],
  ["github-pat", (c) => `ghp_${c}`, 36],
  ["groq-api-key", (c) => `gsk_${c}`, 52],
  ["xai-api-key", (c) => `xai-${c}`, 80],
  ["replicate-api-token", (c) => `r8_${c}`, 37],
  ["perplexity-api-key", (c) => `pplx-${c}`, 48],
  ["stripe-access-token", (c) => `whsec_${c}`, 32],
  ["gcp-api-key", (c) => `AIza${c}`, 35],
  ["google-oauth-client-secret", (c) => `GOCSPX-${c}`, 28],
  ["google-oauth-access-token", (c) => `ya29.${c}`, 60],
  ["langsmith-api-key", (c) => `lsv2_pt_${c.slice(0, 32)}_${c.slice(32)}`, 42, HEX],
  ["aws-access-token", (c) => `AKIA${c}`, 16, UPPER32],
  ["aws-key-pair", (c) => `AKIAIOSFODNN7EXAMPLE:${c}`, 40],
  ["generic-api-key (camelCase)", (c) => `dbPassword=${c}`, 24],
  ["generic-api-key (camelCase)", (c) => `awsSecretAccessKey=${c}`, 40],
  ["generic-api-key (camelCase)", (c) => `githubToken: ${c}`, 30],
  ["generic-api-key (camelCase)", (c) => `jwtSecret=${c}`, 32],
  ["generic-api-key (JSON-escaped)", (c) => String.raw`{\"password\":\"${c}\"}`, 24],
  ["generic-api-key (JSON)", (c) => `{"api_key":"${c}"}`, 32],
  ["generic-api-key (header)", (c) => `Ocp-Apim-Subscription-Key: ${c}`, 32, HEX],
  ["generic-api-key (header)", (c) => `x-functions-key: ${c}`, 40],
  ["curl-auth-header", (c) => `Authorization: Bearer ${c}`, 40],
  ["private-key", (c) => `-----BEGIN RSA PRIVATE KEY-----\nMIIEow${c}\n-----END RSA PRIVATE KEY-----`, 64],
  ["private-key (flattened)", (c) => `-----BEGIN PRIVATE KEY----- MIIEvg${c} -----END PRIVATE KEY-----`, 64],
  [
    "private-key (encrypted)",
    (c) => `-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHz${c}\n-----END ENCRYPTED PRIVATE KEY-----`,
    64,
  ],
  ["url (credentials)", (c) => `postgres://admin:${c}@db.internal:5432/app`, 24],
  ["url (credentials)", (c) => `https://deploy:${c}@registry.internal/v2/`, 24],
];

/** A secret of any form in the corpus. */
export const secretArb: fc.Arbitrary<Secret> = fc
  .constantFrom(...FORMS)
  .chain(([rule, wrap, length, alphabet]) =>
    chars(alphabet ?? ALNUM, length).map((core) => ({ rule, text: wrap(core), core })),
  );

/** A message quoting `secret` as upstream failures do (before, after, or alone). */
export const secretMessageArb: fc.Arbitrary<{ message: string; secret: Secret }> = fc
  .tuple(secretArb, fc.constantFrom("upstream failed: ", "connect failed (", "", "request to billing: "))
  .map(([secret, lead]) => ({ secret, message: `${lead}${secret.text}${lead.endsWith("(") ? ")" : ""}` }));

/** The first 12-character slice of `core` found in `text`, if any. */
export function leakedSlice(text: string, core: string): string | undefined {
  for (let i = 0; i + 12 <= core.length; i += 4) {
    const slice = core.slice(i, i + 12);
    if (text.includes(slice)) return slice;
  }
  return undefined;
}
