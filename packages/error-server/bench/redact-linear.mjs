// Linear time of redactSecrets on 1 MB adversarial inputs (run after `pnpm build`):
//   node bench/redact-linear.mjs
// Each input repeats what makes one rule start and then fail (or match as much as it can).
// Prints ms per MB for 256 KB and 1 MB: linear work keeps the two close; a quadratic pattern
// would take 4x longer per MB at 1 MB than at 256 KB. A figure, not a test: no timing asserts.
import { redactSecrets } from "../dist/index.js";

const MB = 1_048_576;
const fill = (unit, size) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const INPUTS = {
  "plain words": "the quick brown fox ",
  "one long word": "a",
  "digits and dots": "1.",
  "hex and colons": "a:",
  "colons only": ":",
  "repeated scheme": "http://",
  "bearer bearer": "bearer ",
  "key= without value": "password=",
  "quoted key, unclosed value": '"api_key": "x',
  "eyJ segments": "eyJhbGciOiJIUzI1NiJ9.",
  "user:pass without @": "admin:hunter2",
  "local part without domain": "alice.smith@",
  "email without dot": "a@b",
  "PEM headers, no footer": "-----BEGIN RSA PRIVATE KEY-----",
  slashes: "/",
  "home path segments": "/home/a",
  "windows separators": "C:\\a",
  "sk- prefixes": "sk-",
  "AKIA prefixes": "AKIA",
  "ghp_ prefixes": "ghp_",
  digits: "1",
  mixed: 'x:1.2@/home/ sk-ab eyJ. ::ffff: "token": ',
  // Patterns added for issue 21: keys of any style without a value, escaped quotes, PEM
  // headers without a footer (encrypted and flattened), netrc and curl prefixes, credential pairs.
  "camelCase key, no separator": "dbPassword ",
  "escaped JSON key, no value": '{\\"password\\":\\"',
  "escaped quotes": '\\\\\\"',
  "key whose value is a key": "token: 'password': ",
  "PEM encrypted header, no footer": "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n",
  "PEM body, no footer": "-----BEGIN PRIVATE KEY----- MIIEvQIBADANBgkqhkiG9w0BAQEFAASC ",
  "netrc without password": "machine h login u ",
  "curl -u without colon": "-u abc ",
  "AKIA pairs": "AKIAIOSFODNN7EXAMPLE:",
  "Azure AD prefix": "abc1Q~",
  "Google refresh prefix": "1//0",
  "LLM prefixes": "gsk_ xai- r8_ fw_ pplx- tgp_v1_ lsv2_pt_ ",
};

function time(text) {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    redactSecrets(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

let worst = 0;
console.log("input                          256 KB ms/MB   1 MB ms/MB   ratio");
for (const [name, unit] of Object.entries(INPUTS)) {
  const small = time(fill(unit, MB / 4)) * 4;
  const large = time(fill(unit, MB));
  worst = Math.max(worst, large);
  console.log(
    `${name.padEnd(30)} ${small.toFixed(1).padStart(12)} ${large.toFixed(1).padStart(12)} ${(large / small).toFixed(2).padStart(7)}`,
  );
}
console.log(`slowest 1 MB input: ${worst.toFixed(1)} ms`);
