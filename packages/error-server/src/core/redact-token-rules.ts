/**
 * Prefixed tokens: the vendor and cloud keys that announce themselves with a literal prefix,
 * after gitleaks' default rules (see redact-rules.data.ts for which rule each pattern
 * covers) and the LLM providers' key formats. Lengths are looser than gitleaks' (a cut key
 * still leaks most of itself). The whole set is matched case-insensitively.
 *
 * Linear time: every pattern starts with `\b` or a lookbehind and then a literal of 2 or more
 * characters, so a pattern is tried once per word start and fails within its literal almost
 * everywhere; every repetition after it is bounded and is followed by nothing that could
 * make the engine retry it (a class disjoint from the one repeated, or nothing at all).
 */
import type { SecretRule } from "./redact-rules.js";

/** Vendor tokens from gitleaks' default rule set, one pattern per product (several rules each). */
export const VENDOR_TOKEN_RULES: readonly SecretRule[] = [
  // AWS key ids, with the secret that follows after a colon (`AKIA...:wJalr...`, a pasted credential pair).
  [
    "aws-access-token",
    String.raw`\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b(?::[A-Za-z0-9\/+=]{16,128})?`,
  ],
  ["aws-bedrock-api-key", String.raw`\b(?:ABSK[A-Za-z0-9+\/]{40,400}={0,2}|bedrock-api-key-[\w+\/=.%-]{20,4096})`],
  ["github-token", String.raw`\bgh[pousr]_[0-9a-z]{20,255}`],
  ["github-fine-grained-pat", String.raw`\bgithub_pat_\w{22,255}`],
  [
    "gitlab-token",
    String.raw`\b(?:gl(?:pat|dt|rt|ptt|soat|ft|cbt|imt|agent|ffct|oas)-[\w-]{20,300}|GR1348941[\w-]{20,64})`,
  ],
  ["gitlab-session-cookie", String.raw`\b_gitlab_session=[0-9a-z]{32}`],
  ["slack-token", String.raw`\bx(?:ox[abeoprs](?:.xox[bp])?|app)-[0-9a-z-]{6,255}`],
  // As gitleaks: the dots of the host match any character.
  ["slack-webhook-url", String.raw`\bhooks.slack.com\/(?:services|workflows|triggers)\/[A-Za-z0-9+\/]{20,256}`],
  ["gcp-api-key", String.raw`\bAIza[\w-]{30,64}`],
  // OpenAI, Anthropic (sk-ant-), OpenRouter, DeepSeek, Stripe (sk_/rk_/pk_ live and test), Stripe webhooks.
  ["sk-prefixed-key", String.raw`\b(?:(?:sk|rk|pk)[-_]|whsec_)[a-z0-9_\-]{8,255}`],
  // Twilio: API key SIDs, and an account SID with the auth token that follows it (`AC...:token`).
  ["twilio-key", String.raw`\b(?:SK[0-9a-f]{32}|AC[0-9a-f]{32}(?::[0-9a-f]{32})?)\b`],
  ["huggingface-access-token", String.raw`\b(?:hf_|api_org_)[a-z0-9]{30,64}`],
  ["npm-access-token", String.raw`\bnpm_[a-z0-9]{36}`],
  ["pypi-upload-token", String.raw`\bpypi-AgEIcHlwaS5vcmc[\w-]{20,1000}`],
  ["sendgrid-api-token", String.raw`\bSG\.[\w=.-]{40,100}`],
  ["shopify-token", String.raw`\bshp(?:at|ca|pa|ss)_[a-f0-9]{32}`],
  ["digitalocean-token", String.raw`\bdo[por]_v1_[a-f0-9]{64}`],
  ["hashicorp-tf-api-token", String.raw`\b[a-z0-9]{14}\.atlasv1\.[a-z0-9_=-]{60,70}`],
  ["vault-token", String.raw`\b(?:hv[sb]\.[\w-]{20,300}|s\.[a-z0-9]{24}\b)`],
  ["databricks-api-token", String.raw`\bdapi[a-f0-9]{32}(?:-\d)?`],
  ["linear-api-key", String.raw`\blin_api_[a-z0-9]{40}`],
  ["postman-api-token", String.raw`\bPMAK-[a-f0-9]{24}-[a-f0-9]{34}`],
  ["alibaba-access-key-id", String.raw`\bLTAI[a-z0-9]{20}\b`],
  ["grafana-token", String.raw`\b(?:gl(?:sa|c)_[a-z0-9+\/_]{32,400}={0,2}|eyJrIjoi[a-z0-9]{50,400}={0,3})`],
  ["new-relic-key", String.raw`\bNR(?:AK|JS|II)-[a-z0-9-]{19,40}`],
  ["doppler-api-token", String.raw`\bdp\.pt\.[a-z0-9]{43}`],
  ["sentry-token", String.raw`\bsntry[su]_[\w=+\/-]{40,600}`],
  ["mailgun-key", String.raw`\b(?:pub)?key-[a-f0-9]{32}\b`],
  ["telegram-bot-api-token", String.raw`\b\d{5,16}:A[\w-]{34}`],
  [
    "1password-token",
    String.raw`\b(?:A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})(?:-[A-Z0-9]{5}){3}\b|ops_eyJ[a-z0-9+\/]{100,4096}={0,3})`,
  ],
  ["adobe-client-secret", String.raw`\bp8e-[a-z0-9]{32}`],
  ["airtable-personal-access-token", String.raw`\bpat[a-z0-9]{14}\.[a-f0-9]{64}\b`],
  ["artifactory-token", String.raw`\b(?:AKCp[a-z0-9]{69}|cmVmd[a-z0-9]{59})\b`],
  [
    "authress-service-client-access-key",
    String.raw`\b(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[a-z0-9+\/_=-]{30,120}`,
  ],
  ["clickhouse-cloud-api-secret-key", String.raw`\b4b1d[a-z0-9]{38}\b`],
  ["clojars-api-token", String.raw`\bCLOJARS_[a-z0-9]{60}`],
  ["cloudflare-origin-ca-key", String.raw`\bv1\.0-[a-f0-9]{24}-[a-f0-9]{146}`],
  ["duffel-api-token", String.raw`\bduffel_(?:test|live)_[\w=-]{43}`],
  ["dynatrace-api-token", String.raw`\bdt0c01\.[a-z0-9]{24}\.[a-z0-9]{64}`],
  ["easypost-api-token", String.raw`\bEZ[AT]K[a-z0-9]{54}\b`],
  ["facebook-token", String.raw`\b(?:\d{15,16}(?:\||%)[\w-]{27,40}|EAA[MC][a-z0-9]{100,1000})`],
  ["flutterwave-key", String.raw`\bFLW(?:SECK|PUBK)_TEST-[a-h0-9]{12,32}(?:-X)?`],
  ["flyio-access-token", String.raw`\b(?:fo1_[\w-]{43}|fm(?:1[ar]|2)_[a-z0-9+\/]{100,4096}={0,3})`],
  ["frameio-api-token", String.raw`\bfio-u-[\w=-]{64}`],
  ["harness-api-key", String.raw`\b(?:pat|sat)\.[\w-]{22}\.[a-z0-9]{24}\.[a-z0-9]{20}`],
  ["heroku-api-key-v2", String.raw`\bHRKU-AA[\w-]{58}`],
  ["infracost-api-token", String.raw`\bico-[a-z0-9]{32}`],
  ["intra42-client-secret", String.raw`\bs-s4t2(?:ud|af)-[a-f0-9]{64}`],
  ["maxmind-license-key", String.raw`\b[a-z0-9]{6}_[a-z0-9]{29}_mmk\b`],
  ["notion-api-token", String.raw`\bntn_\d{11}[a-z0-9]{35}`],
  ["octopus-deploy-api-key", String.raw`\bAPI-[A-Z0-9]{26}\b`],
  ["openshift-user-token", String.raw`\bsha256~[\w-]{43}`],
  ["planetscale-token", String.raw`\bpscale_(?:tkn|oauth|pw)_[\w=.-]{32,64}`],
  ["prefect-api-token", String.raw`\bpnu_[a-z0-9]{36}`],
  ["pulumi-api-token", String.raw`\bpul-[a-f0-9]{40}`],
  ["readme-api-token", String.raw`\brdme_[a-z0-9]{70}`],
  ["rubygems-api-token", String.raw`\brubygems_[a-f0-9]{48}`],
  ["scalingo-api-token", String.raw`\btk-us-[\w-]{48}`],
  ["sendinblue-api-token", String.raw`\bxkeysib-[a-f0-9]{64}-[a-z0-9]{16}`],
  ["settlemint-token", String.raw`\bsm_(?:aat|pat|sat)_[a-z0-9]{16}`],
  ["shippo-api-token", String.raw`\bshippo_(?:live|test)_[a-f0-9]{40}`],
  ["sourcegraph-access-token", String.raw`\bsgp_(?:(?:[a-f0-9]{16}|local)_)?[a-f0-9]{40}`],
  ["square-access-token", String.raw`\b(?:EAAA|sq0atp-)[\w-]{22,60}`],
  ["jwt-base64", String.raw`\bZXlK[\w+\/-]{20,4096}={0,2}`],
  // Tokens gitleaks only reports next to the product's name; their own prefix is distinctive enough.
  ["typeform-api-token", String.raw`\btfp_[\w.=-]{59}`],
  ["dropbox-short-lived-api-token", String.raw`\bsl\.[\w=-]{135}`],
  ["defined-networking-api-token", String.raw`\bdnkey-[\w=-]{26}-[\w=-]{52}`],
  ["yandex-token", String.raw`\b(?:AQVN[\w-]{35,38}|t1\.[\w-]{1,200}={0,2}\.[\w-]{86})`],
  [
    "plaid-api-token",
    String.raw`\baccess-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`,
  ],
  ["mapbox-api-token", String.raw`\b[ps]k\.[a-z0-9]{60}\.[a-z0-9]{22}`],
  ["twitter-bearer-token", String.raw`\bA{22}[a-z0-9%]{80,100}`],
  // Not entered at a word boundary: kept after the rules that are (see redact.ts).
  ["age-secret-key", String.raw`AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}`],
  // Azure AD client secrets: 3 characters, a digit, "Q~", then 31-34 more (no prefix to anchor on: a lookbehind does).
  ["azure-ad-client-secret", String.raw`(?<![\w~.-])[\w~.]{3}\dQ~[\w~.-]{31,34}`],
];

/** The LLM providers' key formats (most are not in gitleaks' default set). */
export const LLM_KEY_RULES: readonly SecretRule[] = [
  // Groq gsk_ (52), xAI xai- (80), Replicate r8_ (37), Fireworks fw_, Perplexity pplx- (48),
  // Together tgp_v1_ (43), NVIDIA nvapi-, Tavily tvly-, Cerebras csk-.
  ["llm-provider-key", String.raw`\b(?:gsk_|xai-|r8_|fw_|pplx-|tgp_v1_|nvapi-|tvly-|csk-)[\w-]{20,128}`],
  // LangSmith: lsv2_pt_ / lsv2_sk_, 32 hex, "_", 10 hex.
  ["langsmith-api-key", String.raw`\blsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}`],
  // Google OAuth: client secrets (GOCSPX-), access tokens (ya29.), refresh tokens (1//0...).
  ["google-oauth", String.raw`(?:\bGOCSPX-[\w-]{20,64}|\bya29\.[\w-]{20,2048}|(?<![\w\/])1\/\/0[\w-]{20,512})`],
];
