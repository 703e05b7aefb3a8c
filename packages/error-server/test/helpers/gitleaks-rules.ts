/**
 * gitleaks' default rules as committed in test/fixtures/gitleaks-default-rules.json (its
 * source inside), their RE2 patterns read as JavaScript regular expressions, and a fast-check
 * generator of each rule's secrets built from gitleaks' own pattern: independent of ours, so
 * a sample is in the real format even where our pattern is wrong.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";

/** One rule of the fixture. */
export interface GitleaksRule {
  id: string;
  regex?: string;
  secretGroup?: number;
  entropy?: number;
  keywords?: string[];
  path?: string;
}

/** The fixture: where it was taken from, and every default rule. */
export const GITLEAKS_FIXTURE = JSON.parse(
  readFileSync(new URL("../fixtures/gitleaks-default-rules.json", import.meta.url), "utf8"),
) as { source: { repository: string; path: string; commit: string; describe: string }; rules: GitleaksRule[] };

/** The fixture's rule by id (throws for an id it does not hold). */
export function gitleaksRule(id: string): GitleaksRule {
  const rule = GITLEAKS_FIXTURE.rules.find((r) => r.id === id);
  if (rule === undefined) throw new Error(`no gitleaks rule ${id} in the fixture`);
  return rule;
}

// RE2 syntax JavaScript lacks, rewritten: inline flags (case-insensitivity is applied to the
// whole pattern: looser, which only widens what a sample may look like), POSIX classes, \z,
// (?P<name>, and (?s:.) spans.
function toJavaScriptSource(regex: string): { source: string; caseless: boolean } {
  const caseless = /\(\?i[):]/.test(regex);
  const source = regex
    .replaceAll("(?i)", "")
    .replaceAll("(?-i:", "(?:")
    .replaceAll("(?i:", "(?:")
    .replaceAll("(?s:.)", "[\\s\\S]")
    .replaceAll("[[:alnum:]]", "[a-zA-Z0-9]")
    .replaceAll("\\z", "$")
    .replaceAll("(?P<", "(?<");
  return { source, caseless };
}

/** gitleaks' pattern of `rule` as a JavaScript RegExp (matching what gitleaks matches, or a little more). */
export function gitleaksRegExp(rule: GitleaksRule): RegExp {
  if (rule.regex === undefined) throw new Error(`gitleaks rule ${rule.id} has no pattern`);
  const { source, caseless } = toJavaScriptSource(rule.regex);
  return new RegExp(source, caseless ? "i" : "");
}

// The part of a match that is the secret: gitleaks' secretGroup, else the first group long
// enough to be one (rules whose groups are fragments, like a webhook URL's UUID parts or
// jwt-base64's named alternatives, give the whole match).
function secretOf(match: RegExpExecArray, rule: GitleaksRule): string {
  if (rule.secretGroup !== undefined) return match[rule.secretGroup] ?? match[0];
  if (rule.regex?.includes("(?P<") === true) return match[0];
  return (
    (match.slice(1) as Array<string | undefined>).find((group) => group !== undefined && group.length >= 8) ?? match[0]
  );
}

// Character classes without whitespace, quotes and backslashes: a secret as a service prints
// it. Why in the pattern and not a filter: fast-check favours a class's rare characters, so
// a filter on them would reject almost every sample.
function printableSource(source: string): string {
  return source.replaceAll("[\\S]", "[\\w.~+/=-]").replace(/\[(?:\\.|[^\]\\])*\]/g, (cls) => {
    const cleaned = cls.replace(/\\[rnst]|\\x60|\\\\|['"]/g, "");
    return cleaned === "[]" || cleaned === "[^]" ? cls : cleaned;
  });
}

/**
 * Secrets in the form of gitleaks rule `id`, generated from gitleaks' own pattern (anchored,
 * without `\b` and `\B`, which fast-check cannot generate, and case-sensitive: a subset of
 * what the rule matches): the whole match and the secret in it that the rule reports.
 * `printable`: only secrets without whitespace, quotes or backslashes.
 */
export function gitleaksSecretArbitrary(
  id: string,
  printable: boolean,
): fc.Arbitrary<{ match: string; secret: string }> {
  const rule = gitleaksRule(id);
  const { source } = toJavaScriptSource(rule.regex ?? "");
  const generated = (printable ? printableSource(source) : source).replace(/\\[bB]/g, "");
  const generator = new RegExp(`^(?:${generated})$`);
  const matcher = gitleaksRegExp(rule);
  return fc
    .stringMatching(generator)
    .map((text) => {
      const match = matcher.exec(text);
      return match === null ? undefined : { match: match[0], secret: secretOf(match, rule) };
    })
    .filter(
      (found): found is { match: string; secret: string } => found !== undefined && found.secret.trim().length >= 8,
    );
}
