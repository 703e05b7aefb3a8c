// The strict schema's `doc_url` rule. Replaced at the merge by the generated
// `isDocUrl` / `DOC_URL_MAX_LENGTH` of `@org/error-types` (one import line).

/** Longest `doc_url` accepted. */
export const DOC_URL_MAX_LENGTH = 2048;

/**
 * True for a `doc_url` that is safe to render as a link: an absolute `http:` or `https:` URL
 * of printable ASCII (no space, no control), at most 2048 characters. Why: a relayed upstream
 * body is untrusted, and `javascript:`, `data:` or relative URLs in a link are an XSS path.
 */
export const isDocUrl = (value: unknown): value is string =>
  typeof value === "string" && value.length <= DOC_URL_MAX_LENGTH && /^https?:\/\/[!-~]+$/.test(value);
