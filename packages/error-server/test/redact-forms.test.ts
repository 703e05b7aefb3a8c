import { ERROR_CATALOG, ERROR_CODES, HTTP_ERROR_STATUSES, HTTP_STATUSES } from "@org/error-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createError, REDACTED, redactSecrets, toErrorResponse } from "../src/index.js";

const r = (n: number, alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"): string =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join("");
const hex = (n: number): string => r(n, "0123456789abcdef");

// [form, the secret as it appears in a message]. Each is embedded in text and must vanish whole.
const FORMS: ReadonlyArray<readonly [string, string]> = [
  ["JSON password", `{"password":"hunter2"}`],
  ["JSON password with spaces", `{ "password" : "correct horse battery" }`],
  ["single-quoted api_key", `'api_key': 'abc123def456'`],
  ["double-quoted apiKey", `"apiKey": "k-9f8e7d6c5b4a"`],
  ["YAML secret", `client_secret: s3cr3tValue99`],
  ["client_secret=", `client_secret=9f8e7d6c5b4a3f2e1d0c`],
  ["pwd=", `pwd=Tr0ub4dor&3`],
  ["pass=", `pass=letmein123`],
  ["passwd:", `passwd: qwerty12345`],
  ["passphrase", `passphrase="my long pass"`],
  ["env DB_PASSWORD", `DB_PASSWORD=Sup3rS3cret!`],
  ["AWS_SECRET_ACCESS_KEY env", `AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`],
  ["aws_secret_access_key ini", `aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`],
  ["SecretAccessKey JSON", `"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"`],
  ["AWS access key id", `AKIAIOSFODNN7EXAMPLE`],
  ["AWS session key id", `ASIAY34FZKBOKMUTVV7A`],
  ["token=s.vault", `token=s.AbCdEf123`],
  ["access_token query", `access_token=ya29.a0AfH6SMBx3`],
  ["refresh_token", `refresh_token: 1//0gLx9-abcdefgh`],
  ["x-api-key header", `x-api-key: 3f2e1d0c9b8a7f6e`],
  ["Authorization Bearer", `Authorization: Bearer abcdefghijklmnop123`],
  ["Authorization Basic", `Authorization: Basic dXNlcjpwYXNzd29yZA==`],
  ["Authorization Token", `Authorization: Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b`],
  ["bare Bearer", `Bearer ${r(40)}`],
  ["Cookie", `cookie: session=${hex(32)}`],
  ["session_id", `session_id=${hex(24)}`],
  [
    "JWT",
    `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`,
  ],
  ["JWT without signature", `eyJhbGciOiJub25lIn0x.eyJzdWIiOiIxMjM0NTY3ODkwIn0.`],
  ["GitHub PAT", `ghp_${r(36)}`],
  ["GitHub OAuth", `gho_${r(36)}`],
  ["GitHub app token", `ghs_${r(36)}`],
  ["GitHub refresh token", `ghr_${r(76)}`],
  ["GitHub fine-grained PAT", `github_pat_${r(82, "abcdefghijklmnopqrstuvwxyz0123456789_")}`],
  ["GitLab PAT", `glpat-${r(20)}`],
  ["Slack bot token", `xoxb-1234567890-1234567890123-${r(24)}`],
  ["Slack user token", `xoxp-1234567890-1234567890-1234567890-${hex(32)}`],
  ["Slack app token", `xapp-1-A0123456789-1234567890123-${hex(64)}`],
  ["Slack webhook", `https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`],
  ["Google API key", `AIzaSyD${r(32)}`],
  ["OpenAI project key", `sk-proj-${r(48)}`],
  ["OpenAI legacy key", `sk-${r(48)}`],
  ["Anthropic key", `sk-ant-api03-${r(93)}AA`],
  ["Stripe live secret", `sk_live_${r(24)}`],
  ["Stripe restricted", `rk_live_${r(24)}`],
  ["Twilio API key", `SK${hex(32)}`],
  ["Hugging Face token", `hf_${r(34, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")}`],
  ["npm token", `npm_${r(36, "abcdefghijklmnopqrstuvwxyz0123456789")}`],
  ["PyPI token", `pypi-AgEIcHlwaS5vcmc${r(60)}`],
  ["SendGrid key", `SG.${r(22)}.${r(43)}`],
  ["Shopify token", `shpat_${hex(32)}`],
  ["DigitalOcean PAT", `dop_v1_${hex(64)}`],
  ["Terraform Cloud token", `${r(14, "abcdefghijklmnopqrstuvwxyz0123456789")}.atlasv1.${r(64)}`],
  ["Vault service token", `hvs.${r(90)}`],
  ["Databricks token", `dapi${hex(32)}`],
  ["Linear key", `lin_api_${r(40, "abcdefghijklmnopqrstuvwxyz0123456789")}`],
  ["Postman key", `PMAK-${hex(24)}-${hex(34)}`],
  ["Alibaba key id", `LTAI${r(20, "abcdefghijklmnopqrstuvwxyz0123456789")}`],
  ["age secret key", `AGE-SECRET-KEY-1${r(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L")}`],
  ["Grafana SA token", `glsa_${r(32)}_${hex(8)}`],
  ["New Relic key", `NRAK-${r(27, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")}`],
  ["Doppler token", `dp.pt.${r(43)}`],
  ["Mailgun key", `key-${hex(32)}`],
  ["Telegram bot token", `123456789:AA${r(33)}`],
  ["PEM RSA key", `-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA${r(64)}\n${r(64)}\n-----END RSA PRIVATE KEY-----`],
  ["PEM key, JSON-escaped", `-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkq${r(40)}\\n-----END PRIVATE KEY-----`],
  [
    "PEM OpenSSH key",
    `-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA${r(40)}\n-----END OPENSSH PRIVATE KEY-----`,
  ],
  ["PEM key cut off", `-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBk${r(50)}`],
  ["URL with credentials", `https://user:pw@10.0.0.7:8080/x?key=abc`],
  ["internal URL", `http://vault.internal:8200/v1/secret`],
  ["postgres DSN", `postgres://admin:hunter2@db.internal:5432/prod`],
  ["redis URL", `redis://:p4ss@cache:6379/0`],
  ["user:pass@host without scheme", `admin:hunter2@db.internal:5432`],
  ["e-mail address", `alice.smith+ops@example.co.uk`],
  ["IPv4", `10.12.0.5`],
  ["IPv4-mapped IPv6", `::ffff:10.0.0.7`],
  ["IPv6 full", `2001:db8:85a3:0:0:8a2e:370:7334`],
  ["IPv6 compressed", `fe80::1ff:fe23:4567:890a`],
  ["IPv6 loopback", `::1`],
  ["home path", `/home/alice/.ssh/id_rsa`],
  ["macOS user path", `/Users/bob/Library/Keychains/login.keychain`],
  ["root path", `/root/.aws/credentials`],
  ["etc path", `/etc/ssl/private/server.key`],
  ["tilde path", `~/.config/gcloud/application_default_credentials.json`],
  ["Windows user path", `C:\\Users\\alice\\AppData\\Roaming\\secrets.txt`],
  ["Windows path, JSON-escaped", `C:\\\\Users\\\\alice\\\\secrets.txt`],
];

describe(`redactSecrets masks ${FORMS.length} secret forms`, () => {
  it("covers at least 60 forms", () => expect(FORMS.length).toBeGreaterThanOrEqual(60));

  it.each(FORMS)("%s", (_form, secret) => {
    const out = redactSecrets(`upstream failed: ${secret} (retry later)`);
    expect(out).toContain(REDACTED);
    expect(out.startsWith("upstream failed: ")).toBe(true);
    expect(out.endsWith(" (retry later)")).toBe(true);
    // Nothing of the secret's distinctive part survives: no run of 6 of its characters.
    const kept = out.slice("upstream failed: ".length, -" (retry later)".length).replaceAll(REDACTED, "\u0000");
    for (let i = 0; i + 6 <= secret.length; i++) {
      const piece = secret.slice(i, i + 6);
      if (/[a-z0-9]{3}/i.test(piece)) expect(kept, `"${piece}" of ${secret}`).not.toContain(piece);
    }
  });
});

describe("redactSecrets leaves the contract's own texts alone", () => {
  it.each(ERROR_CODES.map((c) => ERROR_CATALOG[c].meaning))("%s", (text) => expect(redactSecrets(text)).toBe(text));
  it.each(HTTP_ERROR_STATUSES.map((s) => HTTP_STATUSES[s].reason))("%s", (text) =>
    expect(redactSecrets(text)).toBe(text),
  );
});

describe("every text a 5xx response carries is masked", () => {
  it("message, param and the error's own header values", () => {
    const key = `sk-proj-${r(30)}`;
    const error = createError("bad_response", `upstream said ${key}`, {
      param: `api_key=${key}`,
      headers: { "x-upstream-detail": `GET http://10.0.0.7/x with ${key}` },
    });
    const response = toErrorResponse(error, { onError: () => undefined });
    expect(JSON.stringify(response)).not.toContain(key.slice(8));
    expect(JSON.stringify(response)).not.toContain("10.0.0.7");
  });
});

describe("property: no embedded secret survives a 5xx body", () => {
  // Fails when redaction is off: checked once by replacing redactSecrets with the identity
  // (every run then finds the secret in the body).
  const secret = fc.constantFrom(...FORMS.map(([, s]) => s));
  const noise = fc.string({ unit: fc.constantFrom(..." .,;()[]{}!?\n\tabcXYZ"), maxLength: 30 });
  it("holds for any text around any form", () => {
    fc.assert(
      fc.property(noise, secret, noise, (before, s, after) => {
        const { body } = toErrorResponse(createError("do_request_failed", `${before} ${s} ${after}`), {
          onError: () => undefined,
        });
        const core = s.replace(/^[^a-z0-9]*/i, "").slice(0, 12);
        expect(body.error.message).not.toContain(core);
      }),
      { numRuns: 300 },
    );
  });
});
