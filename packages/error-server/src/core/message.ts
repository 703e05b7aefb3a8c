import { MAX_MESSAGE_LENGTH, MAX_MESSAGE_SCHEMA_LENGTH } from "@org/error-types";
import { truncateCodePoints } from "./log-text.js";

/**
 * Longest `error.message` this package emits, in code points (as JSON Schema's `maxLength`
 * counts; an emoji is one): the contract's
 * `MAX_MESSAGE_LENGTH` (the cap services apply, far below the schema's maxLength).
 * Longer messages are cut and end in "…". Why a cap: every body must pass the strict
 * validator whatever a handler wrote, and redaction of a capped message is cheap.
 */
export const MAX_RESPONSE_MESSAGE_LENGTH: number = MAX_MESSAGE_LENGTH;

/** Longest `error.param` emitted; longer ones are cut the same way. */
export const MAX_PARAM_LENGTH = 256;

// How far past the cap redaction looks, so a secret that straddles the cut is still seen
// whole and masked instead of leaking its first characters.
const REDACTION_MARGIN = 512;

/** The UTF-16 units redaction looks at: the cap (plus a margin) in code points can take twice as many units. */
export const MESSAGE_WINDOW = (MAX_RESPONSE_MESSAGE_LENGTH + REDACTION_MARGIN) * 2;

// Checked once at load: the cap must leave the validator's room, or bodies could fail it.
if (MAX_RESPONSE_MESSAGE_LENGTH >= MAX_MESSAGE_SCHEMA_LENGTH)
  throw new Error("@org/error-server: message cap is not below the validator's");

/** Cuts `text` to at most `max` code points (as JSON Schema counts), ending in "…" when cut, never splitting a surrogate pair. */
export const truncate: (text: string, max: number) => string = truncateCodePoints;

/**
 * A message ready for a body: cut to a window slightly longer than the cap, masked with
 * `redact` (if given), then cut to the cap. Bounded work for any input length.
 */
export function prepareMessage(message: string, redact: ((text: string) => string) | undefined): string {
  if (!redact) return truncate(message, MAX_RESPONSE_MESSAGE_LENGTH);
  // In UTF-16 units, twice the cap: enough for the cap's code points whatever the text.
  const window = message.length > MESSAGE_WINDOW ? message.slice(0, MESSAGE_WINDOW) : message;
  const masked: unknown = redact(window);
  if (typeof masked !== "string") throw new TypeError(`the redact option returned ${typeof masked}, not a string`);
  return truncate(masked, MAX_RESPONSE_MESSAGE_LENGTH);
}
