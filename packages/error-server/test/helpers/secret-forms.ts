/**
 * Generators of the secret forms gitleaks' rules do not describe (issue 21): credentials under
 * keys of any style, JSON-escaped pairs, header-style keys, the LLM providers' key formats,
 * encrypted and flattened PEM blocks, AWS and Twilio credential pairs, netrc lines. Each
 * gives the text as written and the secret in it that must vanish.
 */
import fc from "fast-check";

/** A secret as it appears in a message: `text` holds each of `secrets`, which redaction must remove. */
export interface SecretForm {
  form: string;
  secrets: readonly string[];
  text: string;
  /** Written with its own quoting: only embedded where it is not escaped again. */
  plain?: boolean;
}

const chars = (alphabet: string, min: number, max = min): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX = "0123456789abcdef";
const WORD = `${ALNUM}_-`;
const BASE64 = `${ALNUM}+/`;
// A password written bare: anything but what ends a bare value (space, quote, , ; & ) } ]).
const BARE = `${ALNUM}!@#$%^*+/=_.~-`;
// A quoted one may hold spaces and punctuation too.
const QUOTED = `${BARE} ,;&)}]`;

const prefixed = (form: string, prefix: string, body: fc.Arbitrary<string>): fc.Arbitrary<SecretForm> =>
  body.map((b) => ({ form, secrets: [`${prefix}${b}`], text: `${prefix}${b}` }));

/** The LLM providers' keys and the Google, Azure and Stripe forms named in the issue. */
const PROVIDER_KEYS: ReadonlyArray<fc.Arbitrary<SecretForm>> = [
  prefixed("OpenAI project key", "sk-proj-", chars(WORD, 40, 156)),
  prefixed("OpenAI legacy key", "sk-", chars(ALNUM, 48)),
  prefixed(
    "Anthropic key",
    "sk-ant-api03-",
    chars(WORD, 93).map((s) => `${s}AA`),
  ),
  prefixed("OpenRouter key", "sk-or-v1-", chars(HEX, 64)),
  prefixed("Groq key", "gsk_", chars(ALNUM, 52)),
  prefixed("xAI key", "xai-", chars(ALNUM, 80)),
  prefixed("Replicate token", "r8_", chars(ALNUM, 37)),
  prefixed("Fireworks key", "fw_", chars(ALNUM, 24, 40)),
  prefixed("Perplexity key", "pplx-", chars(ALNUM, 48)),
  prefixed("Together key", "tgp_v1_", chars(WORD, 43)),
  prefixed("NVIDIA key", "nvapi-", chars(WORD, 64)),
  fc.tuple(fc.constantFrom("pt", "sk"), chars(HEX, 32), chars(HEX, 10)).map(([kind, a, b]) => {
    const key = `lsv2_${kind}_${a}_${b}`;
    return { form: "LangSmith key", secrets: [key], text: key };
  }),
  prefixed("Google API key", "AIza", chars(WORD, 35)),
  prefixed("Google OAuth client secret", "GOCSPX-", chars(WORD, 28)),
  prefixed("Google OAuth access token", "ya29.", chars(WORD, 60, 200)),
  prefixed("Google OAuth refresh token", "1//0", chars(WORD, 40, 100)),
  fc.tuple(chars(`${ALNUM}_~.`, 3), chars("0123456789", 1), chars(`${ALNUM}_~.-`, 31, 34)).map(([a, d, b]) => {
    const key = `${a}${d}Q~${b}`;
    return { form: "Azure AD client secret", secrets: [key], text: key };
  }),
  prefixed("Stripe webhook secret", "whsec_", chars(ALNUM, 32, 64)),
  fc.tuple(fc.constantFrom("sk", "rk"), fc.constantFrom("live", "test"), chars(ALNUM, 24, 99)).map(([k, m, b]) => {
    const key = `${k}_${m}_${b}`;
    return { form: "Stripe secret key", secrets: [key], text: key };
  }),
  prefixed("Hugging Face token", "hf_", chars(ALNUM.slice(0, 52), 34)),
];

// A key naming a secret, in the words and case styles services use.
const KEY_WORDS = ["password", "passwd", "secret", "token", "key", "credential", "credentials", "pwd"];
const KEY_HEADS = [
  "",
  "db",
  "aws",
  "github",
  "jwt",
  "client",
  "api",
  "access",
  "subscription",
  "functions",
  "ocp apim",
];
const KEY_TAILS = ["", "key", "id", "value", "access key", "hash"];
const words = (s: string): string[] => s.split(" ").filter((w) => w !== "");
const capital = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const STYLES: ReadonlyArray<(w: string[]) => string> = [
  (w) => w.map((x, i) => (i === 0 ? x : capital(x))).join(""), // dbPassword
  (w) => w.join("_"), // db_password
  (w) => w.join("_").toUpperCase(), // DB_PASSWORD
  (w) => w.join("-"), // db-password
  (w) => w.map(capital).join("-"), // Ocp-Apim-Subscription-Key
  (w) => ["x", ...w].join("-"), // x-functions-key
];
const keyName = fc
  .tuple(
    fc.constantFrom(...KEY_HEADS),
    fc.constantFrom(...KEY_WORDS),
    fc.constantFrom(...KEY_TAILS),
    fc.constantFrom(...STYLES),
  )
  .map(([head, word, tail, style]) => style([...words(head), word, ...words(tail)]));

// How a pair is written: env/ini, YAML/header, JSON, JSON quoted once and twice inside a message, Ruby/PHP.
const PAIRS: ReadonlyArray<(k: string, v: string) => string> = [
  (k, v) => `${k}=${v}`,
  (k, v) => `${k}: ${v}`,
  (k, v) => `{"${k}":"${v}"}`,
  (k, v) => `{ "${k}" : "${v}" }`,
  (k, v) => `'${k}': '${v}'`,
  (k, v) => `{\\"${k}\\":\\"${v}\\"}`,
  (k, v) => `{\\\\\\"${k}\\\\\\":\\\\\\"${v}\\\\\\"}`,
  (k, v) => `${k} => "${v}"`,
];
// Pairs whose value is quoted (it may hold spaces and punctuation); the escaped-JSON ones end at a backslash.
const QUOTED_PAIRS = new Set([2, 3, 4, 7]);

/** A credential under a key that names it, in every key style and pair syntax. */
const KEYED: fc.Arbitrary<SecretForm> = fc
  .tuple(keyName, fc.integer({ min: 0, max: PAIRS.length - 1 }), chars(BARE, 8, 40), chars(QUOTED, 8, 40))
  .map(([key, i, bare, quoted]) => {
    const value = QUOTED_PAIRS.has(i) ? quoted : bare;
    return {
      form: `keyed credential ${i}`,
      secrets: [value],
      text: (PAIRS[i] as (k: string, v: string) => string)(key, value),
    };
  });

const PEM_KINDS = ["RSA PRIVATE KEY", "EC PRIVATE KEY", "PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY"];
/** A PEM block: encrypted (Proc-Type/DEK-Info) or not, with real, escaped or no line breaks. */
const PEM: fc.Arbitrary<SecretForm> = fc
  .tuple(fc.constantFrom(...PEM_KINDS), fc.array(chars(BASE64, 64), { minLength: 2, maxLength: 6 }), fc.boolean())
  .chain(([kind, lines, encrypted]) =>
    fc.constantFrom("\n", "\\n", " ", "\r\n").map((nl) => {
      const headers = encrypted ? [`Proc-Type: 4,ENCRYPTED`, `DEK-Info: AES-128-CBC,${"A1B2C3D4".repeat(4)}`, ""] : [];
      const text = [`-----BEGIN ${kind}-----`, ...headers, ...lines, `-----END ${kind}-----`].join(nl);
      return { form: `PEM ${encrypted ? "encrypted " : ""}${JSON.stringify(nl)}`, secrets: lines, text };
    }),
  );

/** AWS and Twilio credential pairs, netrc lines. */
const PAIRED: ReadonlyArray<fc.Arbitrary<SecretForm>> = [
  fc.tuple(chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16), chars(`${ALNUM}/+`, 40)).map(([id, key]) => ({
    form: "AKIA...:secret",
    secrets: [key],
    text: `AKIA${id}:${key}`,
  })),
  fc.tuple(chars(HEX, 32), chars(HEX, 32)).map(([sid, token]) => ({
    form: "AC...:token",
    secrets: [token],
    text: `AC${sid}:${token}`,
  })),
  fc
    .tuple(chars(`${ALNUM}.-`, 4, 30), chars(ALNUM, 3, 12), chars(BARE, 8, 32), fc.constantFrom(" ", "\n", "\n  "))
    .map(([host, login, password, sep]) => ({
      form: "netrc",
      secrets: [password],
      text: ["machine", `${host}.example.com`, "login", login, "password", password].join(sep),
    })),
];

/** Every form of the issue, each with equal weight. */
export const issueFormArbitrary: fc.Arbitrary<SecretForm> = fc.oneof(...PROVIDER_KEYS, KEYED, PEM, ...PAIRED);
