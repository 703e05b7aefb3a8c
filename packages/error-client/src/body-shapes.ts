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
const own = (data: Data, key: string): unknown => (Object.hasOwn(data, key) ? data[key] : undefined);

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);

/** The first of `keys` that is a non-blank own string member of `data`. */
function pick(data: Data, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = text(own(data, key));
    if (value !== null) return value;
  }
  return null;
}

/**
 * The shapes, as a table of where each field is read, not one parser per shape: the
 * message, type, param, request id and doc URL members (in order of preference); `code`
 * is always the `code` member. Why a table: browsers pay for every parser's code.
 */
type Keys = readonly string[];
type Shape = readonly [message: Keys, type: Keys, param: Keys, requestId: Keys, docUrl: Keys];
// Split once here, not per parse (a parse is on the hot path of every failed call).
const shape = (...fields: string[]): Shape => fields.map((f) => (f === "" ? [] : f.split(" "))) as unknown as Shape;
const REQUEST_ID = ["request_id"];
/** `{ error: { message, type, code, param } }`: ours, OpenAI's, Anthropic's (`type` in `error`) and Google's (`status`). */
const ERROR_OBJECT = shape("message", "type status", "param", "request_id", "doc_url");
/**
 * RFC 9457 `application/problem+json`: `title`, `detail`; its `type` is a URI (the entry that
 * explains the problem, "about:blank" for none), so it is the doc URL, not the category: the
 * category then comes from the status, as for any body without one. `param` and `request_id`
 * are the extension members @org/error-server sends.
 */
const PROBLEM = shape("detail title", "", "param", "request_id instance", "type");
/** Anything else with an object at the root: `{ message }`, `{ error: "Not Found", message }`, `{ detail }`. */
const LOOSE = shape("message detail error_description error msg", "type", "param", "request_id", "");

/** RFC 9457's "about:blank" says "no further explanation": the same as no member at all. */
const noBlank = (v: string | null): string | null => (v === "about:blank" ? null : v);

/**
 * Where a dialect puts the code and members in `error.details`: Anthropic's object
 * (`error_code`, `param`, `doc_url`), or Google's `ErrorInfo`, the detail with a `reason` or a
 * `metadata` object (`param`, `request_id`, `doc_url`).
 */
function details(error: Data): [code: unknown, members: Data] | [] {
  const value = own(error, "details");
  if (isObject(value)) return [own(value, "error_code"), value];
  for (const info of Array.isArray(value) ? (value as unknown[]) : []) {
    const reason = isObject(info) ? own(info, "reason") : undefined;
    const metadata = isObject(info) ? own(info, "metadata") : undefined;
    if (reason !== undefined || isObject(metadata)) return [reason, isObject(metadata) ? metadata : {}];
  }
  return [];
}

function read(root: Data, data: Data, [message, type, param, requestId, docUrl]: Shape, inError = false): BodyFields {
  // The dialect's members where the body's own are missing (for other shapes: the body again).
  const [code, more = data] = inError ? details(data) : [];
  return {
    message: pick(data, message),
    type: noBlank(pick(data, type)),
    // The dialect's code first (Google's `error.code` is the HTTP status), then `error.code`.
    rawCode: code ?? own(data, "code"),
    param: pick(data, param) ?? pick(more, param),
    // A root `request_id` (Anthropic) first, then the shape's own members, then the details'.
    requestId: pick(root, REQUEST_ID) ?? pick(data, requestId) ?? pick(more, requestId),
    // "about:blank" (or anything else that is no absolute http(s) URL) is dropped by ApiError.
    docUrl: pick(data, docUrl) ?? pick(more, docUrl),
  };
}

/** The fields of a body that said nothing usable. */
export const NOTHING: BodyFields = {
  message: null,
  type: null,
  rawCode: undefined,
  param: null,
  requestId: null,
  docUrl: null,
};

/**
 * The error object of a body: the body itself, or the first element of an array (Google's
 * batch and streaming endpoints wrap the error: `[{ "error": {...} }]`).
 */
export const unwrapArray = (data: unknown): unknown =>
  Array.isArray(data) && data.length > 0 ? (data[0] as unknown) : data;

/**
 * Reads the fields of a parsed JSON error body in any of the shapes gateways and providers
 * send. `isProblem` is true when the response said `application/problem+json`.
 */
export function bodyFields(data: unknown, isProblem: boolean): BodyFields {
  const root = unwrapArray(data);
  if (!isObject(root)) return NOTHING;
  const error = own(root, "error");
  if (isObject(error)) return read(root, error, ERROR_OBJECT, true);
  const looksLikeProblem =
    text(own(root, "title")) !== null &&
    (text(own(root, "detail")) !== null || typeof own(root, "status") === "number");
  return read(root, root, isProblem || looksLikeProblem ? PROBLEM : LOOSE);
}
