/**
 * @org/error-upstream: turn what an upstream LLM provider sends, or fails to send, into the
 * gateway's error contract. The mapping is reviewed data (`schemas/upstream/<provider>.json`,
 * generated into `UPSTREAM_MAPPINGS`); each function gives the ContractError to answer with
 * (with `upstream` attribution, chain-safe retryability and the provider's Retry-After), the
 * disposition for the gateway's channel logic, and the id of the rule that matched.
 * @packageDocumentation
 */
export { classifyFailure, UPSTREAM_PHASES, type UpstreamPhase } from "./classify-failure.js";
export { isUpstreamErrorBody } from "./error-body.js";
export { fromUpstreamBody, type UpstreamBody } from "./from-body.js";
export { type FromUpstreamFailureOptions, fromUpstreamFailure } from "./from-failure.js";
export { type FromUpstreamResponseOptions, fromUpstreamResponse } from "./from-response.js";
export {
  UPSTREAM_DISPOSITIONS,
  UPSTREAM_FAILURE_KINDS,
  UPSTREAM_MAPPINGS,
  UPSTREAM_PROVIDERS,
  type UpstreamDisposition,
  type UpstreamFailureKind,
  type UpstreamMatch,
  type UpstreamProvider,
  type UpstreamProviderMapping,
  type UpstreamRule,
  type UpstreamSeenIn,
} from "./generated/mappings.js";
export { checkUpstreamOptions, UPSTREAM_OPTION_NAMES, type UpstreamOptions } from "./options.js";
export { type RelayUpstreamStreamOptions, relayUpstreamStream, type UpstreamRelay } from "./relay-stream.js";
export type { UpstreamOutcome } from "./types.js";
