import { ERROR_CATALOG, ERROR_CODES } from "@org/error-types";

/**
 * The envelopes the throughput bench validates. Every value comes out of `JSON.parse`, as
 * bodies do in real use (fresh objects, the shapes V8 gives parsed JSON).
 */
const parse = (text: string): unknown => JSON.parse(text);
const json = (value: unknown): string => JSON.stringify(value);

/** Valid under strict: a mix of codes, null codes, and each form of `param`. */
export const VALID_TEXTS: readonly string[] = [
  json({
    error: {
      message: "The model `gpt-9` does not exist",
      type: "not_found_error",
      code: "model_not_found",
      param: "model",
    },
  }),
  json({ error: { message: "Invalid API key", type: "authentication_error", code: null, param: null } }),
  json({ error: { message: "Rate limit reached", type: "rate_limit_error", code: null } }),
  json({
    error: {
      message: "No available channel for model",
      type: "upstream_error",
      code: "get_channel_failed",
      param: null,
    },
  }),
  json({ error: { message: "Upstream timed out", type: "upstream_error", code: "channel:response_time_exceeded" } }),
  json({
    error: {
      message: "Prompt blocked by policy",
      type: "invalid_request_error",
      code: "prompt_blocked",
      param: "messages",
    },
  }),
  json({ error: { message: "Database update failed", type: "server_error", code: "update_data_error", param: null } }),
  json({
    error: { message: "Quota exhausted", type: "permission_error", code: "insufficient_user_quota", param: null },
  }),
];

/** Invalid under strict, each for a different reason (early and late failures alike). */
export const INVALID_TEXTS: readonly string[] = [
  json({ error: { message: "x", type: "not_found_error", code: "no_such_code", param: null } }),
  json({ error: { message: "x", type: "upstream_error", code: 502, param: null } }),
  json({ error: { message: "x", type: "gateway_error", code: "bad_response", param: null } }),
  // An unknown member of the error object (request_id and doc_url are members since contract 1.1).
  json({ error: { message: "x", type: "server_error", code: null, param: null, trace_id: "tr_1" } }),
  json({ error: { message: "x", type: "server_error", code: null }, request_id: "req_1" }),
  json({ error: { message: "x", type: "invalid_request_error", param: "model" } }),
  json({ error: { message: 42, type: "server_error", code: null } }),
  json({ error: { message: "x", type: "server_error", code: null, param: 7 } }),
  json({ error: "Internal Server Error" }),
  json({ detail: "Not Found" }),
  json([{ error: { message: "x", type: "server_error", code: null } }]),
  "null",
];

export const validSet = (): unknown[] => VALID_TEXTS.map(parse);
export const invalidSet = (): unknown[] => INVALID_TEXTS.map(parse);

/**
 * A larger labelled corpus that checks every peer implements the same shape before any
 * timing: every catalog code with every form of `param`, the cap's edge, prototype keys,
 * and one mutation per member of each valid sample. Labels come from the rules, not from
 * any validator.
 */
export function agreementCorpus(): { value: unknown; valid: boolean; label: string }[] {
  const out: { value: unknown; valid: boolean; label: string }[] = [];
  const add = (label: string, valid: boolean, text: string): void =>
    void out.push({ label, valid, value: parse(text) });
  for (const code of ERROR_CODES) {
    const type = ERROR_CATALOG[code].type;
    add(`${code} param absent`, true, json({ error: { message: "m", type, code } }));
    add(`${code} param null`, true, json({ error: { message: "m", type, code, param: null } }));
    add(`${code} param string`, true, json({ error: { message: "m", type, code, param: "p" } }));
    add(`${code} upper-cased`, false, json({ error: { message: "m", type, code: code.toUpperCase() } }));
  }
  add("message at the cap", true, json({ error: { message: "a".repeat(65_536), type: "server_error", code: null } }));
  add(
    "message over the cap",
    false,
    json({ error: { message: "a".repeat(65_537), type: "server_error", code: null } }),
  );
  add("empty message", true, json({ error: { message: "", type: "server_error", code: null } }));
  add(
    "__proto__ member in error",
    false,
    '{"error":{"message":"m","type":"server_error","code":null,"__proto__":{"x":1}}}',
  );
  add(
    "constructor member at root",
    false,
    '{"error":{"message":"m","type":"server_error","code":null},"constructor":1}',
  );
  add("code empty string", false, json({ error: { message: "m", type: "server_error", code: "" } }));
  add("code toString", false, json({ error: { message: "m", type: "server_error", code: "toString" } }));
  add("type missing", false, json({ error: { message: "m", code: null } }));
  add("message missing", false, json({ error: { type: "server_error", code: null } }));
  add("error null", false, json({ error: null }));
  add("error array", false, json({ error: [] }));
  add("empty object", false, "{}");
  for (const text of ["1", '"s"', "true", "[]"]) add(`root ${text}`, false, text);
  for (const text of VALID_TEXTS) add("bench valid sample", true, text);
  for (const text of INVALID_TEXTS) add("bench invalid sample", false, text);
  return out;
}
