import { MAX_MESSAGE_LENGTH, MAX_MESSAGE_SCHEMA_LENGTH } from "@org/error-types";

/**
 * Longest `error.message` this package emits, in UTF-16 code units: the contract's
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

// Checked once at load: the cap must leave the validator's room, or bodies could fail it.
if (MAX_RESPONSE_MESSAGE_LENGTH >= MAX_MESSAGE_SCHEMA_LENGTH)
  throw new Error("@org/error-server: message cap is not below the validator's");

/** Cuts `text` to at most `max` code units, ending in "…" when cut, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/**
 * A message ready for a body: cut to a window slightly longer than the cap, masked with
 * `redact` (if given), then cut to the cap. Bounded work for any input length.
 */
export function prepareMessage(message: string, redact: ((text: string) => string) | undefined): string {
  if (!redact) return truncate(message, MAX_RESPONSE_MESSAGE_LENGTH);
  const window =
    message.length > MAX_RESPONSE_MESSAGE_LENGTH + REDACTION_MARGIN
      ? message.slice(0, MAX_RESPONSE_MESSAGE_LENGTH + REDACTION_MARGIN)
      : message;
  const masked: unknown = redact(window);
  if (typeof masked !== "string") throw new TypeError(`the redact option returned ${typeof masked}, not a string`);
  return truncate(masked, MAX_RESPONSE_MESSAGE_LENGTH);
}
