/** The members rules match on, read from any error body shape providers send. */
export interface BodyFacts {
  type: string | undefined;
  code: string | number | undefined;
  errorStatus: string | undefined;
  message: string | undefined;
}

// Cap on texts read from a body: rules match the start of a message, never megabytes of it.
const MAX_FACT_LENGTH = 4096;

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value.slice(0, MAX_FACT_LENGTH) : undefined;
const codeOf = (value: unknown): string | number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : text(value);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An own member only: an inherited `error` or `type` (never sent over the wire) is absent. */
function own(record: Record<string, unknown>, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, name) ? record[name] : undefined;
}

/**
 * The `type`, `code`, google.rpc `status` and message of a parsed body: OpenAI's and this
 * contract's `{error:{...}}`, Anthropic's `{type:"error",error:{...}}`, Google's (also wrapped
 * in a one-element array), a flat `{message, type, code}` (Mistral, Cohere), `{error:"text"}`
 * (Ollama, TGI) and FastAPI's `{detail}` (vLLM); Anthropic's `error.details.error_code` is its code. Never throws (getters and proxies included).
 */
export function bodyFacts(body: unknown): BodyFacts {
  const facts: BodyFacts = { type: undefined, code: undefined, errorStatus: undefined, message: undefined };
  try {
    const root = Array.isArray(body) && body.length === 1 ? (body[0] as unknown) : body;
    if (typeof root === "string") {
      facts.message = text(root);
      return facts;
    }
    if (!isRecord(root)) return facts;
    const inner = own(root, "error");
    const error = isRecord(inner) ? inner : root;
    facts.type = text(own(error, "type")) ?? text(own(root, "error_type")) ?? text(own(root, "__type"));
    // Anthropic's root `"type": "error"` says only that it is an error: its kind is inside.
    if (facts.type === "error" && error === root) facts.type = undefined;
    const details = own(error, "details");
    facts.code = codeOf(own(error, "code")) ?? (isRecord(details) ? codeOf(own(details, "error_code")) : undefined);
    facts.errorStatus = text(own(error, "status"));
    facts.message =
      text(own(error, "message")) ??
      text(inner) ??
      text(own(root, "message")) ??
      text(own(root, "Message")) ??
      text(own(root, "detail"));
  } catch {
    // A hostile parsed value: what was read so far stands.
  }
  return facts;
}
