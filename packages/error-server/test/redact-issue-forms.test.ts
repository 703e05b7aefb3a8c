import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "../src/index.js";

// Issue 21, defect 4: forms that passed through 1.1.0's redaction. [form, text, the secret in it].
const r = (n: number, alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"): string =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join("");
const hex = (n: number): string => r(n, "0123456789abcdef");
const pem = (lines: string[], nl: string, kind = "RSA PRIVATE KEY"): string =>
  [`-----BEGIN ${kind}-----`, ...lines, `-----END ${kind}-----`].join(nl);
const BODY = [r(64), r(64).toUpperCase(), r(40)];

const FORMS: ReadonlyArray<readonly [form: string, text: string, secret: string]> = [
  ["camelCase dbPassword", "dbPassword=Sup3rS3cret!", "Sup3rS3cret!"],
  ["camelCase awsSecretAccessKey", `awsSecretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"`, "wJalrXUtnFEMI"],
  ["camelCase githubToken", `githubToken=${r(24)}`, r(24)],
  ["camelCase jwtSecret", `jwtSecret: 'my jwt signing secret'`, "my jwt signing secret"],
  ["camelCase clientCredential", `clientCredential=${r(20)}`, r(20)],
  ["snake stripe_secret_key", `stripe_secret_key = "${r(30)}"`, r(30)],
  ["kebab deploy-token", `deploy-token: ${r(20)}`, r(20)],
  ["JSON-escaped password", `{\\"password\\":\\"hunter2-prod\\"}`, "hunter2-prod"],
  ["JSON-escaped twice", `{\\\\\\"password\\\\\\":\\\\\\"hunter2-prod\\\\\\"}`, "hunter2-prod"],
  ["JSON-escaped apiKey", `{\\"apiKey\\": \\"${r(32)}\\"}`, r(32)],
  ["header Ocp-Apim-Subscription-Key", `Ocp-Apim-Subscription-Key: ${hex(32)}`, hex(32)],
  ["header x-functions-key", `x-functions-key: ${r(40)}==`, r(40)],
  ["JSON key", `{"key": "${r(32)}"}`, r(32)],
  ["header X-Goog-Api-Key", `X-Goog-Api-Key: ${r(30)}`, r(30)],
  ["Groq key", `gsk_${r(52)}`, r(52)],
  ["xAI key", `xai-${r(80)}`, r(80)],
  ["Replicate token", `r8_${r(37)}`, r(37)],
  ["Fireworks key", `fw_${r(24)}`, r(24)],
  ["Perplexity key", `pplx-${r(48)}`, r(48)],
  ["Together key", `tgp_v1_${r(43)}`, r(43)],
  ["LangSmith key", `lsv2_pt_${hex(32)}_${hex(10)}`, hex(32)],
  ["Google OAuth client secret", `GOCSPX-${r(28)}`, r(28)],
  ["Google OAuth access token", `ya29.a0${r(80)}`, r(80)],
  ["Google OAuth refresh token", `1//0g${r(60)}`, r(60)],
  [
    "Azure AD client secret",
    `Abc8Q~${r(34, "abcdefghijklmnopqrstuvwxyz0123456789_~.-")}`,
    r(34, "abcdefghijklmnopqrstuvwxyz0123456789_~.-"),
  ],
  ["Stripe webhook secret", `whsec_${r(32)}`, r(32)],
  [
    "PEM encrypted (Proc-Type)",
    pem(["Proc-Type: 4,ENCRYPTED", `DEK-Info: AES-128-CBC,${hex(32)}`, "", ...BODY], "\n"),
    BODY[0] as string,
  ],
  ["PEM ENCRYPTED PRIVATE KEY", pem(BODY, "\n", "ENCRYPTED PRIVATE KEY"), BODY[1] as string],
  ["PEM flattened to one line", pem(BODY, " "), BODY[1] as string],
  [
    "PEM flattened, escaped \\n, encrypted",
    pem(["Proc-Type: 4,ENCRYPTED", "DEK-Info: DES-EDE3-CBC,ABCDEF", ...BODY], "\\n"),
    BODY[2] as string,
  ],
  ["AKIA...:secret pair", "AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI"],
  [
    "AC...:token pair",
    `AC${hex(32)}:${r(32, "0123456789abcdef".split("").reverse().join(""))}`,
    r(32, "fedcba9876543210"),
  ],
  ["netrc on one line", "machine api.example.com login alice password s3cr3t-Pa55", "s3cr3t-Pa55"],
  ["netrc on lines", "machine db.internal\n  login deploy\n  password s3cr3t-Pa55", "s3cr3t-Pa55"],
];

describe(`redactSecrets masks the ${FORMS.length} forms of issue 21`, () => {
  it.each(FORMS)("%s", (_form, text, secret) => {
    const out = redactSecrets(`upstream failed: ${text} (retry later)`);
    expect(out).toContain(REDACTED);
    expect(out.startsWith("upstream failed: ")).toBe(true);
    expect(out.endsWith(" (retry later)")).toBe(true);
    // Nothing of the secret survives: no run of 6 of its characters.
    for (let i = 0; i + 6 <= secret.length; i++) expect(out).not.toContain(secret.slice(i, i + 6));
  });
});

describe("words that look like key names are left alone", () => {
  it.each([
    "max_tokens: 4096 exceeds the limit",
    "completion_tokens=12 prompt_tokens=30",
    "tokenizer: cl100k_base",
    "keyword: temperature",
    "tests passed: 3",
    "the default port 8080 is in use",
    "primary key (id) violated",
    "monkey patching is disabled",
  ])("%j", (text) => expect(redactSecrets(text)).toBe(text));
});
