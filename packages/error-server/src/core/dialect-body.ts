/**
 * The body of an error in each dialect, rendered from the contract's envelope (the pipeline
 * builds that one, redacted and validated, whatever the dialect) by the dialect's rules in
 * `DIALECTS`: constants, the status member, then each member of the envelope at the JSON
 * Pointer the dialect names for it. Generic over members: one the envelope carries and the
 * dialect places (`upstream` included) is written, whatever it is; no member is named here.
 */
import type { ErrorEnvelope } from "@org/error-types";
import { type Dialect, type DialectEntry, DIALECTS, surfaceType } from "./dialect-facts.js";
import { setAtPointer } from "./json-pointer.js";

/** Anthropic's error body: what `@anthropic-ai/sdk`'s `APIError` reads. */
export interface AnthropicErrorBody {
  type: "error";
  error: {
    /** Anthropic's type name (`api_error` for the contract's `server_error`, ...). */
    type: string;
    message: string;
    /** The contract's members: `error_code` (the SDK's `err.errorCode`), `doc_url`, `param`, `upstream`. */
    details?: Record<string, unknown>;
  };
  request_id?: string;
}

/** The `google.rpc.ErrorInfo` a Gemini body's `details` holds. */
export interface GeminiErrorInfo {
  "@type": string;
  /** The contract code; absent for an error without one. */
  reason?: string;
  domain: string;
  /** `request_id`, `doc_url`, `param`, `upstream_*`: strings. */
  metadata?: Record<string, string>;
}

/** Google's error body (`google.rpc.Status` in JSON), as `@google/genai` reads it. */
export interface GeminiErrorBody {
  error: { code: number; message: string; status: string; details: GeminiErrorInfo[] };
}

/** The error body of dialect `D`. */
export type DialectBody<D extends Dialect = Dialect> = D extends "anthropic"
  ? AnthropicErrorBody
  : D extends "gemini"
    ? GeminiErrorBody
    : ErrorEnvelope;

/** Writes one member's value where `rules` put it. */
function place(body: object, rules: DialectEntry, name: string, value: unknown): void {
  const pointer = (rules.members as Readonly<Record<string, string | undefined>>)[name];
  if (pointer === undefined) return;
  const prefix = (rules.spread as Readonly<Record<string, string | undefined>>)[name];
  if (prefix === undefined) return setAtPointer(body, pointer, value);
  // Spread: an object's members as strings beside the others (Google's metadata is a string map).
  if (typeof value !== "object" || value === null) return;
  for (const [key, inner] of Object.entries(value))
    if (inner !== undefined && inner !== null)
      setAtPointer(body, `${pointer}/${prefix}${key}`, typeof inner === "string" ? inner : JSON.stringify(inner));
}

// Which dialects render the envelope as it is (OpenAI's): worked out once from their rules.
const envelopeForm = new Map<Dialect, boolean>();

/** True when `rules` put every member where the envelope has it, and add nothing. */
function isEnvelopeForm(rules: DialectEntry): boolean {
  return (
    rules.statusMember === null &&
    rules.codeless === "null" &&
    Object.keys(rules.constants).length === 0 &&
    Object.keys(rules.spread).length === 0 &&
    Object.entries(rules.members).every(([name, pointer]) => pointer === `/error/${name}`) &&
    Object.entries(rules.types).every(([type, name]) => type === name) &&
    Object.keys(rules.statusTypes).length === 0
  );
}

/** The body of `envelope` (answered with `status`) in `dialect`. Pure; never throws for an envelope. */
export function dialectBody<D extends Dialect>(dialect: D, status: number, envelope: ErrorEnvelope): DialectBody<D>;
export function dialectBody(dialect: Dialect, status: number, envelope: ErrorEnvelope): object {
  const rules: DialectEntry = DIALECTS[dialect];
  // A dialect that is the envelope (OpenAI's): nothing to move, and no copy on the hot path.
  let same = envelopeForm.get(dialect);
  if (same === undefined) envelopeForm.set(dialect, (same = isEnvelopeForm(rules)));
  if (same) return envelope;
  const body = {};
  if (rules.statusMember !== null) setAtPointer(body, rules.statusMember, status);
  for (const [pointer, value] of Object.entries(rules.constants)) setAtPointer(body, pointer, value);
  for (const [name, value] of Object.entries(envelope.error)) {
    if (value === undefined) continue;
    // A null member (`code` of a codeless error, an empty `param`) only where the dialect keeps nulls.
    if (value === null && rules.codeless === "omit") continue;
    place(body, rules, name, name === "type" ? surfaceType(dialect, value as string, status) : value);
  }
  return body;
}
