import { ERROR_CODES, ERROR_TYPES } from "@org/error-types";
import type { CompiledSite, CompiledValidationError } from "./generated/validators.js";
import { describe } from "./describe.js";
import { logText, MAX_QUOTED_LENGTH, quote } from "./log-text.js";

/** One thing wrong with a value. */
export interface ValidationIssue {
  /** JSON Pointer to the offending value ("" for the root; a missing member's own path). */
  path: string;
  /** What is wrong, in a sentence. */
  message: string;
  /**
   * The rule that failed: a JSON Schema keyword (`required`, `enum`, `pattern`, ...), or `json` /
   * `maxLength` / `exception`, or `toJSON` (strict: an object with a toJSON method).
   */
  keyword: string;
}

/** The outcome of a validation: the value on success, never both. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

// Most names need no escape: skip the two regex passes for them.
const escapePointer = (key: string): string =>
  key.includes("~") || key.includes("/") ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key;

/** ajv's `type` param ("string,number,null") as prose: "string, number or null". */
function typeList(param: unknown): string {
  const types = String(param).split(",").filter(Boolean);
  return types.length > 1 ? `${types.slice(0, -1).join(", ")} or ${types[types.length - 1]}` : (types[0] ?? "valid");
}

const CONTRACT_ONLY = ": strict mode accepts only the contract's members";

/** How a site's message is made: its fixed text, or a quote of the value or of the unknown member's name between `head` and `tail`. */
const Quotes = { Nothing: 0, Value: 1, Member: 2 } as const;
type Quotes = (typeof Quotes)[keyof typeof Quotes];

/**
 * A site's fixed texts, built the first time the site reports and kept in its `memo`. Why:
 * what a message says about a place (its path, the types or codes expected) does not change
 * between calls; only the quoted value does. A rejected value then costs at most one quote
 * and two concatenations, on the path every rejected value takes. A class: one shape for all.
 */
class SiteTexts {
  /** Recent messages by what they quote (short strings and numbers), and paths by member name. */
  readonly messages = new Map<unknown, string>();
  readonly paths = new Map<string, string>();
  constructor(
    readonly quotes: Quotes,
    /** The issue's path (for Quotes.Member, the object's: the member's name follows). */
    readonly path: string,
    readonly head: string,
    readonly tail: string,
  ) {}
}

/** Recent texts per site, at most this many each. */
const RECENT = 64;

/** Keeps `text` for `key` in a site's bounded map (cleared when full, so hostile input cannot grow it). */
function remember<K>(map: Map<K, string>, key: K, text: string): string {
  if (map.size >= RECENT) map.clear();
  map.set(key, text);
  return text;
}

/** Only short strings and numbers are kept as keys: a long one would keep received text alive. */
const isShortKey = (value: unknown): boolean =>
  typeof value === "number" || (typeof value === "string" && value.length <= MAX_QUOTED_LENGTH);

/** The fixed texts of a site: where, which rule, and what the sentence says around the quote. */
function textsOf(site: CompiledSite): SiteTexts {
  const path = site.instancePath;
  // `path` stays whole (a usable JSON Pointer); messages quote it cut, like values.
  const where = logText(path, MAX_QUOTED_LENGTH);
  switch (site.keyword) {
    case "required": {
      const member = String(site.params["missingProperty"]);
      return new SiteTexts(
        Quotes.Nothing,
        `${path}/${escapePointer(member)}`,
        `${where || "the envelope"} must have the member ${quote(member)}`,
        "",
      );
    }
    case "additionalProperties":
      return new SiteTexts(Quotes.Member, path, "unknown member ", ` at ${where || "the root"}${CONTRACT_ONLY}`);
    case "enum":
      if (path.endsWith("/code"))
        return new SiteTexts(
          Quotes.Value,
          path,
          "code ",
          ` is not in the catalog: expected one of the ${ERROR_CODES.length} catalog codes (${ERROR_CODES.join(", ")}) or null`,
        );
      if (path.endsWith("/type"))
        return new SiteTexts(
          Quotes.Value,
          path,
          "type ",
          ` is not a known category: expected one of ${ERROR_TYPES.join(", ")}`,
        );
      return new SiteTexts(Quotes.Nothing, path, `${where} has a value outside the allowed set`, "");
    case "type":
      return new SiteTexts(
        Quotes.Value,
        path,
        `${where || "the envelope"} must be ${typeList(site.params["type"])}, got `,
        "",
      );
    case "maxLength":
      return new SiteTexts(
        Quotes.Nothing,
        path,
        `${where} is longer than ${String(site.params["limit"])} characters (Unicode code points)`,
        "",
      );
    case "pattern":
      return new SiteTexts(
        Quotes.Value,
        path,
        `${where} must match ${quote(String(site.params["pattern"]))}, got `,
        "",
      );
    case "toJSON":
      return new SiteTexts(
        Quotes.Nothing,
        path,
        `${where || "the envelope"} has a toJSON method, so it would not serialise as what was checked`,
        "",
      );
    default:
      return new SiteTexts(Quotes.Nothing, path, `${where || "the envelope"} is invalid (${site.keyword})`, "");
  }
}

/** Turns the reporter's first problem into the issues a person can act on (one issue). */
export function toIssues(e: CompiledValidationError): ValidationIssue[] {
  return [toIssue(e)];
}

/** One problem as an issue: where, which rule, and a sentence that quotes at most 80 characters of what came. */
function toIssue(e: CompiledValidationError): ValidationIssue {
  const site = e.site;
  const texts = (site.memo as SiteTexts | undefined) ?? (site.memo = textsOf(site));
  switch (texts.quotes) {
    case Quotes.Nothing:
      return { path: texts.path, keyword: site.keyword, message: texts.head };
    case Quotes.Value: {
      // A service rejects the same wrong values again and again: their message is built once.
      const value = e.value;
      const message =
        texts.messages.get(value) ??
        (isShortKey(value)
          ? remember(texts.messages, value, texts.head + describe(value) + texts.tail)
          : texts.head + describe(value) + texts.tail);
      return { path: texts.path, keyword: site.keyword, message };
    }
    default: {
      const member = String(e.value);
      const short = member.length <= MAX_QUOTED_LENGTH;
      const message =
        texts.messages.get(member) ??
        (short
          ? remember(texts.messages, member, texts.head + quote(member) + texts.tail)
          : texts.head + quote(member) + texts.tail);
      const path =
        texts.paths.get(member) ??
        (short
          ? remember(texts.paths, member, `${texts.path}/${escapePointer(member)}`)
          : `${texts.path}/${escapePointer(member)}`);
      return { path, keyword: site.keyword, message };
    }
  }
}
