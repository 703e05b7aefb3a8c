// Members an error body may carry beside `error`: Anthropic's `"type": "error"` and a root
// `request_id`. Anything else (`id`, `object`, `choices`, `candidates`, ...) makes a resource.
const isEnvelopeSibling = (key: string, value: unknown): boolean =>
  (key === "type" && value === "error") || (key === "request_id" && typeof value === "string");

/**
 * True when a parsed 2xx body is an error rather than a resource: a JSON object (or Google's
 * one-element array of one) with an own `error` member that is an object or a non-empty
 * string, and nothing beside it but `"type": "error"` and `request_id`; or a flat object whose
 * `object` is `"error"` (vLLM and other OpenAI-compatible servers). OpenAI's failed
 * response `{"id", "object": "response", "status": "failed", "error": {...}}` is a resource.
 * Never throws.
 */
export function isUpstreamErrorBody(data: unknown): boolean {
  try {
    if (Array.isArray(data) && data.length !== 1) return false;
    const root: unknown = Array.isArray(data) ? data[0] : data;
    if (typeof root !== "object" || root === null || Array.isArray(root)) return false;
    const members = root as Record<string, unknown>;
    // OpenAI-compatible servers' flat error object (vLLM: `{"object": "error", "message", "type", "code"}`).
    if (members["object"] === "error" && Object.prototype.hasOwnProperty.call(members, "object")) return true;
    if (!Object.prototype.hasOwnProperty.call(members, "error")) return false;
    const error = members["error"];
    const said = (typeof error === "object" && error !== null) || (typeof error === "string" && error !== "");
    return said && Object.keys(members).every((key) => key === "error" || isEnvelopeSibling(key, members[key]));
  } catch {
    return false;
  }
}
