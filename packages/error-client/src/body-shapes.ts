/** What an error body says, whatever its shape. */
export interface BodyFields {
  /** The sender's human-readable message, if it gave one. */
  message: string | null;
  /** The sender's category, if it gave one. */
  type: string | null;
  /** The sender's code, unchanged; `undefined` when there was no code member. */
  rawCode: unknown;
  param: string | null;
  requestId: string | null;
  /** `error.doc_url` (contract 1.1): the code's entry in the reference. */
  docUrl: string | null;
}

type Data = Record<string, unknown>;

const isObject = (v: unknown): v is Data => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * An own member only. Why: a body is untrusted data; an inherited member (`constructor`,
 * a polluted prototype) must never be read as if the sender had said it.
 */
const own = (data: Data, key: string): unknown => (Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined);

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

/** `{ error: { message, type, code, param } }`: ours, OpenAI's, Anthropic's (`type` in `error`) and Google's (`status`). */
function fromErrorObject(root: Data, error: Data): BodyFields {
  return {
    message: text(own(error, "message")),
    type: text(own(error, "type")) ?? text(own(error, "status")),
    rawCode: own(error, "code"),
    param: text(own(error, "param")),
    requestId: text(own(root, "request_id")) ?? text(own(error, "request_id")),
    docUrl: text(own(error, "doc_url")),
  };
}

/** RFC 9457 `application/problem+json`: `title`, `detail`, `type` (a URI; "about:blank" means none). */
function fromProblem(root: Data): BodyFields {
  const type = text(own(root, "type"));
  return {
    message: text(own(root, "detail")) ?? text(own(root, "title")),
    type: type === "about:blank" ? null : type,
    rawCode: own(root, "code"),
    param: null,
    requestId: text(own(root, "request_id")) ?? text(own(root, "instance")),
    docUrl: null,
  };
}

/** Anything else with an object at the root: `{ message }`, `{ error: "Not Found", message }`, `{ detail }`. */
function fromLooseObject(root: Data): BodyFields {
  const message = text(own(root, "message")) ?? text(own(root, "detail")) ?? text(own(root, "error_description")) ?? text(own(root, "error")) ?? text(own(root, "msg"));
  return {
    message,
    type: text(own(root, "type")),
    rawCode: own(root, "code"),
    param: text(own(root, "param")),
    requestId: text(own(root, "request_id")),
    docUrl: null,
  };
}

const NOTHING: BodyFields = { message: null, type: null, rawCode: undefined, param: null, requestId: null, docUrl: null };

/**
 * The error object of a body: the body itself, or the first element of an array (Google's
 * batch and streaming endpoints wrap the error: `[{ "error": {...} }]`).
 */
export const unwrapArray = (data: unknown): unknown => (Array.isArray(data) && data.length > 0 ? (data[0] as unknown) : data);

/**
 * Reads the fields of a parsed JSON error body in any of the shapes gateways and providers
 * send. `isProblem` is true when the response said `application/problem+json`.
 */
export function bodyFields(data: unknown, isProblem: boolean): BodyFields {
  const root = unwrapArray(data);
  if (!isObject(root)) return NOTHING;
  const error = own(root, "error");
  if (isObject(error)) return fromErrorObject(root, error);
  const looksLikeProblem = text(own(root, "title")) !== null && (text(own(root, "detail")) !== null || typeof own(root, "status") === "number");
  if (isProblem || looksLikeProblem) return fromProblem(root);
  return fromLooseObject(root);
}
