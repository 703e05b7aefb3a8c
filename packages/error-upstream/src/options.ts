/**
 * Options fail closed: each function checks its options before doing anything, and a wrong
 * name or value is a TypeError naming what is accepted (an unknown provider names the
 * providers). Why: a misspelt provider silently mapped by the generic rules would hide
 * exactly the errors (a bad key, an exhausted account) the gateway needs to act on.
 */
import { isUpstreamProvider, UPSTREAM_PROVIDER_MAX_LENGTH, UPSTREAM_PROVIDER_PATTERN } from "@org/error-types";
import {
  UPSTREAM_DISPOSITIONS,
  UPSTREAM_MAPPINGS,
  type UpstreamDisposition,
  type UpstreamProviderMapping,
} from "./generated/mappings.js";

/** Options every function of this package takes. */
export interface UpstreamOptions {
  /** The provider the call went to: a key of `mappings` (`"openai"`, `"anthropic"`, `"chained"`, ...). */
  provider: string;
  /**
   * The mappings to match with, by provider (`generic` is the fallback).
   * @default UPSTREAM_MAPPINGS (generated from schemas/upstream/)
   */
  mappings?: Readonly<Record<string, UpstreamProviderMapping>> | undefined;
  /**
   * The gateway has already tried other channels for this request: the answer then says
   * `x-should-retry: false`, unless the disposition is one of `retryLaterFor`.
   * @default false
   */
  retried?: boolean | undefined;
  /**
   * The dispositions a later retry can help with, even after the gateway tried every channel.
   * @default ["rate_limit", "overloaded"]
   */
  retryLaterFor?: readonly UpstreamDisposition[] | undefined;
}

/** Options checked and resolved. */
export interface Resolved {
  provider: string;
  mapping: UpstreamProviderMapping;
  fallback: UpstreamProviderMapping | undefined;
  retried: boolean;
  retryLaterFor: readonly string[];
}

/** The names every function accepts. */
export const UPSTREAM_OPTION_NAMES: readonly string[] = ["provider", "mappings", "retried", "retryLaterFor"];

const DEFAULT_RETRY_LATER: readonly UpstreamDisposition[] = Object.freeze(["rate_limit", "overloaded"]);

const quoted = (names: readonly string[]): string => names.map((n) => JSON.stringify(n)).join(", ");
const shown = (value: unknown): string =>
  typeof value === "string" ? JSON.stringify(value.slice(0, 40)) : value === null ? "null" : typeof value;

/** Checks `options` for `where` (its own extra option names in `extra`); a TypeError names what is accepted. */
export function resolveOptions(options: unknown, where: string, extra: readonly string[] = []): Resolved {
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TypeError(`${where}: options must be an object with a provider, got ${shown(options)}`);
  const given = options as Record<string, unknown>;
  const names = [...UPSTREAM_OPTION_NAMES, ...extra];
  for (const name of Object.keys(given))
    if (!names.includes(name))
      throw new TypeError(`${where}: unknown option ${JSON.stringify(name)}; the options are ${quoted(names)}`);
  const mappings = (given["mappings"] ?? UPSTREAM_MAPPINGS) as Record<string, UpstreamProviderMapping>;
  if (typeof mappings !== "object" || Array.isArray(mappings))
    throw new TypeError(`${where}: option mappings must be a record of provider mappings`);
  const providers = Object.keys(mappings);
  const provider = given["provider"];
  if (typeof provider !== "string" || !Object.prototype.hasOwnProperty.call(mappings, provider))
    throw new TypeError(`${where}: option provider must be one of ${quoted(providers)}, got ${shown(provider)}`);
  // The attribution's provider grammar (error.upstream.provider in the envelope schema).
  if (!isUpstreamProvider(provider))
    throw new TypeError(
      `${where}: provider ${JSON.stringify(provider)} must match ${UPSTREAM_PROVIDER_PATTERN} (at most ${UPSTREAM_PROVIDER_MAX_LENGTH} characters)`,
    );
  const retried = given["retried"] ?? false;
  if (typeof retried !== "boolean") throw new TypeError(`${where}: option retried must be true or false`);
  const later = given["retryLaterFor"] ?? DEFAULT_RETRY_LATER;
  if (!Array.isArray(later) || !later.every((d) => (UPSTREAM_DISPOSITIONS as readonly unknown[]).includes(d)))
    throw new TypeError(`${where}: option retryLaterFor must be a list of ${quoted(UPSTREAM_DISPOSITIONS)}`);
  return {
    provider,
    mapping: mappings[provider] as UpstreamProviderMapping,
    fallback: mappings["generic"],
    retried,
    retryLaterFor: later as readonly string[],
  };
}

/**
 * Checks options at setup (when a gateway is made), before any request: a TypeError naming
 * the accepted names and values, as every function of the package would throw per call.
 */
export function checkUpstreamOptions(options: UpstreamOptions): void {
  resolveOptions(options, "checkUpstreamOptions");
}
