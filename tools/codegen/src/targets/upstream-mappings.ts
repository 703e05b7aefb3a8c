import {
  type LocatedUpstreamMapping,
  readUpstreamFiles,
  readUpstreamMappings,
  type UpstreamEnumEntry,
  type UpstreamMappings,
} from "@org/contract-model";
import { codeBanner } from "../banner.js";
import type { Contract } from "../contract.js";

const str = (s: string): string => JSON.stringify(s);
/** A doc text inside a JSDoc comment: no comment end, one line. */
const doc = (s: string): string => s.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");
const union = (entries: readonly UpstreamEnumEntry[]): string => entries.map((e) => str(e.value)).join(" | ");
const list = (entries: readonly UpstreamEnumEntry[], type: string, indent = ""): string =>
  `[\n${entries.map((e) => `${indent}  /** ${doc(e.description)} */\n${indent}  ${str(e.value)},\n`).join("")}${indent}] as const satisfies readonly ${type}[]`;

/** One provider's mapping as plain data: the reader's file and pointers dropped, members in the shared order. */
function plain(p: LocatedUpstreamMapping): unknown {
  return {
    provider: p.provider,
    title: p.title,
    requestIdHeaders: p.requestIdHeaders,
    retryAfterHeaders: p.retryAfterHeaders,
    rules: p.rules.map(({ pointer: _p, ...rule }) => rule),
  };
}

/** The module's text from the checked mappings (exported for tests that feed small mappings). */
export function renderUpstreamMappings(m: UpstreamMappings): string {
  const providers = m.providers.map((p) => p.provider);
  const data = Object.fromEntries(m.providers.map((p) => [p.provider, plain(p)]));
  return `${codeBanner()}
/** Where an upstream error was seen (\`body\` when a rule does not say). */
export type UpstreamSeenIn = ${union(m.seenIn)};

/** A transport failure: no answer, or an answer cut off. */
export type UpstreamFailureKind = ${union(m.failures)};

/** What the gateway itself does about the channel that failed. */
export type UpstreamDisposition = ${union(m.dispositions)};

/** A provider with a mapping (\`generic\` maps whatever no provider rule matches). */
export type UpstreamProvider = ${providers.map(str).join(" | ")};

/** Every disposition, in the mapping schema's order. */
export const UPSTREAM_DISPOSITIONS = /* @__PURE__ */ Object.freeze(${list(m.dispositions, "UpstreamDisposition")});

/** Every transport failure kind, in the mapping schema's order. */
export const UPSTREAM_FAILURE_KINDS = /* @__PURE__ */ Object.freeze(${list(m.failures, "UpstreamFailureKind")});

/** Every provider with a mapping, \`generic\` (the fallback) last. */
export const UPSTREAM_PROVIDERS = /* @__PURE__ */ Object.freeze([
${providers.map((p) => `  ${str(p)},\n`).join("")}] as const satisfies readonly UpstreamProvider[]);

/** What a rule matches: every member given must match; a list matches when any of its items does. */
export interface UpstreamMatch {
  /** HTTP statuses, or inclusive ranges \`[from, to]\`. */
  readonly status?: readonly (number | readonly [number, number])[];
  /** The error body's \`type\`. */
  readonly type?: readonly string[];
  /** The error body's \`code\` (a string or a number, as the provider sends it). */
  readonly code?: readonly (string | number)[];
  /** The error body's google.rpc \`status\` string. */
  readonly errorStatus?: readonly string[];
  /** A response header: present (no \`values\`), or its value (the part before a first \`:\`) one of \`values\`. */
  readonly header?: { readonly name: string; readonly values?: readonly string[] };
  /** Where the error was seen (default \`body\`). */
  readonly in?: UpstreamSeenIn;
  /** Transport failures (such a rule matches nothing else). */
  readonly failure?: readonly UpstreamFailureKind[];
  /** The last resort: a regular expression anchored with \`^\`, matched against the provider's message. */
  readonly message?: string;
}

/** One rule of a provider's mapping. */
export interface UpstreamRule {
  /** \`<provider>.<slug>\`, unique across every provider. */
  readonly id: string;
  readonly match: UpstreamMatch;
  /** The contract code to answer with (\`null\`: a codeless status). */
  readonly code: string | null;
  /** The status to answer with (always given here: the code's canonical status when the file names none). */
  readonly status?: number;
  readonly disposition: UpstreamDisposition;
  /** The upstream speaks this contract (a chained gateway): keep its code and retryability. */
  readonly keepUpstream?: true;
  /** For reviewers: what the provider means and why this answer. */
  readonly description: string;
  /** The https URL of the documentation page or public issue that shows the payload. */
  readonly source: string;
}

/** One provider's mapping. */
export interface UpstreamProviderMapping {
  readonly provider: string;
  readonly title: string;
  /** Response headers carrying the provider's own request id, in order of preference. */
  readonly requestIdHeaders: readonly string[];
  /** Response headers carrying the provider's retry hint, in order of preference. */
  readonly retryAfterHeaders: readonly string[];
  /** Tried in order; the first whose every match member matches wins. */
  readonly rules: readonly UpstreamRule[];
}

function freeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const k of Object.keys(value)) freeze((value as Record<string, unknown>)[k]);
  }
  return value;
}

/**
 * Every provider's mapping, by provider, frozen deeply: from \`schemas/upstream/*.json\`, checked
 * against the contract by @org/contract-model's reader.
 */
export const UPSTREAM_MAPPINGS: Readonly<Record<UpstreamProvider, UpstreamProviderMapping>> = /* @__PURE__ */ freeze(${JSON.stringify(data, null, 2)});
`;
}

/**
 * \`packages/error-upstream/src/generated/mappings.ts\`: \`UPSTREAM_MAPPINGS\` (frozen) and its
 * types, from the mapping files under \`root\`, read and checked by @org/contract-model (the one
 * reader of \`schemas/upstream/\`).
 */
export function generateUpstreamMappings(root: string, contract: Contract): string {
  return renderUpstreamMappings(readUpstreamMappings(readUpstreamFiles(root), contract));
}
