/**
 * Attribution (contract 1.2): which upstream provider an error started at, carried by a
 * ContractError and shown in the body's `error.upstream` as far as the service allows
 * (`attribution`). Every string is the provider's text: masked and capped before it is sent.
 */
import {
  type ErrorBody,
  isUpstreamProvider,
  UPSTREAM_PROVIDER_MAX_LENGTH,
  UPSTREAM_PROVIDER_PATTERN,
} from "@org/error-types";
import { sanitizeRequestId } from "./headers.js";
import { MAX_PARAM_LENGTH, prepareMessage, truncate } from "./message.js";

/** What a ContractError knows about the upstream call that failed (`createError(code, { upstream })`). */
export interface UpstreamInfo {
  /** The provider's name: lower-case letters, digits, `.`, `_`, `-` (at most 64), e.g. `"openai"`. */
  provider: string;
  /** The HTTP status the provider answered with (absent: it did not answer). @default undefined */
  status?: number | undefined;
  /** The provider's own error code (a number as its decimal text). @default undefined */
  code?: string | undefined;
  /** The provider's own error type or status name. @default undefined */
  type?: string | undefined;
  /** The provider's id for the call, from its documented response header. @default undefined */
  request_id?: string | undefined;
  /** The provider's message: sent only with `attribution: "full"`, masked, after the error's own. @default undefined */
  message?: string | undefined;
}

/** The body member `error.upstream`, as generated from the schema. */
export type UpstreamMember = NonNullable<ErrorBody["upstream"]>;

/**
 * How much of the upstream a response shows:
 * - `"none"`: nothing (no `error.upstream`);
 * - `"provider"`: which provider failed and its request id (`{ provider, request_id }`);
 * - `"full"`: also its status, code and type, and its message after the error's own.
 */
export type AttributionMode = "none" | "provider" | "full";

/** The values `attribution` accepts. */
export const ATTRIBUTION_MODES: readonly AttributionMode[] = Object.freeze(["none", "provider", "full"]);

const TEXT_MEMBERS = ["code", "type", "request_id", "message"] as const;

/** A frozen copy of `value` as UpstreamInfo; a TypeError naming the member that is wrong. */
export function checkUpstream(value: unknown, where: string): Readonly<UpstreamInfo> {
  if (typeof value !== "object" || value === null)
    throw new TypeError(`${where}: upstream must be an object ({ provider, status?, code?, ... })`);
  const given = value as Record<string, unknown>;
  const { provider, status } = given;
  // The schema's provider grammar (`error.upstream.provider`), checked where the error is made.
  if (!isUpstreamProvider(provider))
    throw new TypeError(
      `${where}: upstream.provider must match ${UPSTREAM_PROVIDER_PATTERN} (at most ${UPSTREAM_PROVIDER_MAX_LENGTH} characters), got ${JSON.stringify(provider)}`,
    );
  const out: UpstreamInfo = { provider };
  if (status !== undefined) {
    if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599)
      throw new TypeError(`${where}: upstream.status must be an integer from 100 to 599, got ${String(status)}`);
    out.status = status;
  }
  for (const name of TEXT_MEMBERS) {
    const text = given[name];
    if (text === undefined) continue;
    if (typeof text !== "string") throw new TypeError(`${where}: upstream.${name} must be a string`);
    out[name] = text;
  }
  return Object.freeze(out);
}

/** A provider's text for a body: masked within the message window, then cut to the param cap. */
const shown = (text: string, redact: (text: string) => string): string =>
  truncate(prepareMessage(text, redact), MAX_PARAM_LENGTH);

/**
 * The `error.upstream` member for `mode`, every string masked with `redact` and capped; the
 * provider's request id only when it is a safe id (as the service's own). Undefined for "none".
 */
export function upstreamMember(
  upstream: Readonly<UpstreamInfo>,
  mode: AttributionMode,
  redact: (text: string) => string,
): UpstreamMember | undefined {
  if (mode === "none") return undefined;
  const member: UpstreamMember = { provider: upstream.provider };
  if (mode === "full") {
    if (upstream.status !== undefined) member.status = upstream.status;
    if (upstream.code !== undefined) member.code = shown(upstream.code, redact);
    if (upstream.type !== undefined) member.type = shown(upstream.type, redact);
  }
  const id = sanitizeRequestId(upstream.request_id);
  if (id !== undefined) member.request_id = shown(id, redact);
  return member;
}

/** The message a body says: with "full", the error's own then the provider's (masked); else the error's. */
export function messageWithUpstream(
  message: string,
  upstream: Readonly<UpstreamInfo> | undefined,
  mode: AttributionMode,
  redact: (text: string) => string,
): string {
  if (mode !== "full" || upstream?.message === undefined || upstream.message.trim() === "") return message;
  return `${message} (${upstream.provider} said: ${prepareMessage(upstream.message, redact)})`;
}
