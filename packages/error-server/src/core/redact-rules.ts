/**
 * The secret patterns `redactSecrets` masks, modelled on gitleaks' default rule set
 * (config/gitleaks.toml); each names the gitleaks rule id it comes from, or says why it is
 * ours. Lengths are looser than gitleaks' (a truncated key still leaks most of itself).
 *
 * Linear time, by construction: every pattern starts with a literal, a word boundary or a
 * negative lookbehind of its own first class (so a run is entered once, at its start, not
 * at every character of it), and every repetition is bounded and cannot overlap the text
 * that follows it. No pattern can backtrack more than a constant per position.
 */
const HEX4 = "[0-9a-f]{1,4}";
const IPV4 = String.raw`(?:\d{1,3}\.){3}\d{1,3}`;

/** `[rule id, pattern]` pairs, tried in this order at each position (the first that matches wins). */
export const SECRET_RULES: ReadonlyArray<readonly [string, string]> = [
  // private-key: a PEM block, header to footer (or to the end of its base64 body).
  [
    "private-key",
    String.raw`-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----(?:[A-Za-z0-9+\/=\\]|\r?\n){0,8192}(?:-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----)?`,
  ],
  // Ours: URLs with any scheme (credentials, internal hosts, query-string keys), up to whitespace or a quote.
  ["url", String.raw`\b[a-z][a-z0-9+.\-]{1,15}:\/\/[^\s"'<>]{1,4096}`],
  // curl-auth-header / generic-api-key: Authorization values, Bearer and Basic tokens.
  ["curl-auth-header", String.raw`\b(?:bearer|basic)\s{1,3}[a-z0-9\-._~+\/]{8,4096}={0,2}`],
  // generic-api-key: key = value credentials, quoted or not (JSON, YAML, env, query strings, headers).
  [
    "generic-api-key",
    String.raw`(?<![a-z])(?:api[_-]?key|apikey|x-api-key|access[_-]?key(?:[_-]?id)?|secret[_-]?access[_-]?key|secret[_-]?key|client[_-]?secret|secret|private[_-]?key|(?:auth|access|refresh|id|session)[_-]?token|token|passw(?:or)?d|passphrase|pwd|pass|credentials?|authorization|accountkey|session[_-]?id|cookie)[\w.-]{0,20}["']?\s{0,3}(?:=>|:=|[:=])\s{0,3}(?:"[^"\r\n]{1,256}"|'[^'\r\n]{1,256}'|(?:(?:bearer|basic|token)\s{1,3})?[^\s"',;&)}\]]{1,256})`,
  ],
  // jwt: three base64url segments, header and payload starting "ey".
  ["jwt", String.raw`\bey[a-z0-9_-]{10,4096}\.ey[a-z0-9_\/\\-]{10,4096}\.?[a-z0-9_\/\\+=-]{0,4096}`],
  // aws-access-token: AKIA/ASIA/... key ids.
  ["aws-access-token", String.raw`\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b`],
  // github-pat, github-oauth, github-app-token (ghu_, ghs_), github-refresh-token.
  ["github-pat", String.raw`\bgh[pousr]_[0-9a-z]{20,255}`],
  // github-fine-grained-pat.
  ["github-fine-grained-pat", String.raw`\bgithub_pat_\w{22,255}`],
  // gitlab-pat and its siblings (deploy, runner, trigger, feed, agent tokens).
  ["gitlab-pat", String.raw`\bgl(?:pat|dt|rt|ptt|soat|ft|cbt|imt|agent)-[\w-]{20,64}`],
  // slack-bot-token, slack-user-token, slack-legacy-*-token, slack-config-access-token, slack-app-token.
  ["slack-bot-token", String.raw`\bx(?:ox[abeoprs]|app)-[0-9a-z-]{10,255}`],
  // gcp-api-key.
  ["gcp-api-key", String.raw`\bAIza[\w-]{30,64}`],
  // openai-api-key, anthropic-api-key, anthropic-admin-api-key, stripe-access-token (sk_/rk_/pk_).
  ["openai-api-key", String.raw`\b(?:sk|rk|pk)[-_][a-z0-9_\-]{8,255}`],
  // twilio-api-key.
  ["twilio-api-key", String.raw`\bSK[0-9a-f]{32}\b`],
  // huggingface-access-token, huggingface-organization-api-token.
  ["huggingface-access-token", String.raw`\b(?:hf_|api_org_)[a-z0-9]{30,64}`],
  // npm-access-token.
  ["npm-access-token", String.raw`\bnpm_[a-z0-9]{36}`],
  // pypi-upload-token.
  ["pypi-upload-token", String.raw`\bpypi-AgEIcHlwaS5vcmc[\w-]{20,1000}`],
  // sendgrid-api-token.
  ["sendgrid-api-token", String.raw`\bSG\.[\w=.-]{40,100}`],
  // shopify-access-token, shopify-custom-access-token, shopify-private-app-access-token, shopify-shared-secret.
  ["shopify-access-token", String.raw`\bshp(?:at|ca|pa|ss)_[a-f0-9]{32}`],
  // digitalocean-pat, digitalocean-access-token, digitalocean-refresh-token.
  ["digitalocean-pat", String.raw`\bdo[por]_v1_[a-f0-9]{64}`],
  // hashicorp-tf-api-token.
  ["hashicorp-tf-api-token", String.raw`\b[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70}`],
  // vault-service-token, vault-batch-token (hvs./hvb.; legacy s. tokens go with the key=value rule).
  ["vault-service-token", String.raw`\bhv[sb]\.[\w-]{20,255}`],
  // databricks-api-token.
  ["databricks-api-token", String.raw`\bdapi[a-f0-9]{32}(?:-\d)?`],
  // linear-api-key.
  ["linear-api-key", String.raw`\blin_api_[a-z0-9]{40}`],
  // postman-api-token.
  ["postman-api-token", String.raw`\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}`],
  // alibaba-access-key-id.
  ["alibaba-access-key-id", String.raw`\bLTAI[a-z0-9]{20}\b`],
  // age-secret-key.
  ["age-secret-key", String.raw`AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`],
  // grafana-service-account-token, grafana-cloud-api-token.
  ["grafana-service-account-token", String.raw`\bgl(?:sa|c)_[a-z0-9+\/_]{32,400}={0,2}`],
  // new-relic-user-api-key.
  ["new-relic-user-api-key", String.raw`\bNRAK-[a-z0-9]{27}`],
  // doppler-api-token.
  ["doppler-api-token", String.raw`\bdp\.pt\.[a-z0-9]{43}`],
  // sentry-user-token, sentry-org-token.
  ["sentry-org-token", String.raw`\bsntr[ysu]_[\w=+\/-]{40,255}`],
  // mailgun-private-api-token.
  ["mailgun-private-api-token", String.raw`\bkey-[a-f0-9]{32}\b`],
  // telegram-bot-api-token.
  ["telegram-bot-api-token", String.raw`\b\d{5,16}:A[\w-]{34}\b`],
  // Ours: user:password@host without a scheme (database DSNs, proxy settings).
  ["userinfo", String.raw`(?<![\w.%+-])[\w.%+-]{1,64}:[^\s@\/'"]{1,64}@[\w.-]{1,253}(?::\d{1,5})?`],
  // Ours: e-mail addresses.
  ["email", String.raw`(?<![\w.%+-])[\w.%+-]{1,64}@[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8}`],
  // Ours: IPv6 with an embedded IPv4 (::ffff:10.0.0.7), before the plain forms so no octet is left.
  ["ipv4-mapped-ipv6", String.raw`(?<![0-9a-z_:])(?:[0-9a-f]{0,4}:){2,6}${IPV4}\b`],
  // Ours: IPv4 addresses.
  ["ipv4", String.raw`\b${IPV4}\b`],
  // Ours: IPv6, the full form and the compressed forms with "::".
  ["ipv6", String.raw`\b${HEX4}(?::${HEX4}){7}\b`],
  ["ipv6-compressed", String.raw`\b${HEX4}(?::${HEX4}){0,6}::(?:${HEX4}(?::${HEX4}){0,6})?(?![0-9a-z_:])`],
  ["ipv6-leading", String.raw`(?<![0-9a-z_:])::${HEX4}(?::${HEX4}){0,6}(?![0-9a-z_:])`],
  // Ours: home directories and file-system paths (Unix roots, ~/, Windows drives, also JSON-escaped).
  [
    "unix-path",
    String.raw`(?<![\w.~\/-])(?:~|\/(?:home|users|root|var|etc|opt|srv|tmp|usr|mnt|data|app|proc|run|private|workspace|builds))(?:\/[\w.@+-]{1,128}){0,32}\/?`,
  ],
  ["windows-path", String.raw`\b[a-z]:(?:\\{1,2}[^\\\s"'<>|:*?]{1,128}){1,32}\\{0,2}`],
];
