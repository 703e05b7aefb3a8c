import { type CheckedContract, findRepoRoot, readContract, readSchemaFiles } from "@org/contract-model";

/**
 * The retry and error-class rules of the clients the contract diff reports on, as data with
 * where each rule comes from and for which version. Update an entry when its client changes
 * its documented behaviour (bump `version` and `source` with it).
 */

/** Statuses retried by status alone: a list plus ranges, minus exceptions. */
export interface StatusRule {
  statuses: readonly number[];
  /** Inclusive ranges, e.g. `[500, 599]`; `[500, Infinity]` for "every status >= 500". */
  ranges: ReadonlyArray<readonly [number, number]>;
  except: readonly number[];
}

/** One step of a client's retry decision; the first step that answers decides. */
export type RetryStep =
  | { by: "catalog" } // the code's `retryable` in the client's catalog
  | { by: "header"; header: string } // a boolean header the server sends (@org/error-server: `x-should-retry`)
  | { by: "status"; rule: StatusRule } // by the response status
  | { by: "contract-status"; fallback: StatusRule }; // by status, as the schemas at hand state it, else `fallback`

/** An exception class chosen by status (first match wins). */
export interface ErrorClassRule {
  name: string;
  status?: number;
  /** Inclusive lower bound, for "every status >= 500". */
  min?: number;
}

/** One client, as the diff models it. */
export interface ClientRules {
  id: string;
  /** How sentences name it: "openai@6", "the Vercel AI SDK". */
  name: string;
  package: string;
  version: string;
  /** Where the rule is written (file and function), to re-check it when the client changes. */
  source: string;
  retry: readonly RetryStep[];
  errorClasses: readonly ErrorClassRule[];
}

/** 408, 409, 429 and every status >= 500: the rule openai and the AI SDK share. */
const COMMON_RETRY: StatusRule = { statuses: [408, 409, 429], ranges: [[500, Infinity]], except: [] };

let current: CheckedContract | undefined;
/**
 * This repository's contract, read once on first use by @org/contract-model: what
 * @org/error-client and @org/error-server are generated from, so their rules here are the
 * schema's, never a hand copy.
 */
function currentContract(): CheckedContract {
  current ??= readContract(readSchemaFiles(findRepoRoot(import.meta.url)), { strict: true });
  return current;
}

/** A contract's retry rule by status as a {@link StatusRule}: the listed statuses, the retryable classes, the exceptions. */
export function statusRuleOf(contract: Pick<CheckedContract, "rules">): StatusRule {
  const { rules } = contract;
  return {
    statuses: rules.retryableStatuses,
    ranges: rules.statusClasses.filter((c) => c.retryable).map((c) => [c.from, c.to] as const),
    except: rules.nonRetryableStatuses,
  };
}

/**
 * @org/error-client's status step, used when the schemas at hand state no retry rule by status
 * (contracts published before the rule moved into the schema): the rule of this repository's
 * schemas, which the client is generated from.
 */
export const orgClientFallbackStatusRule = (): StatusRule => statusRuleOf(currentContract());

/** The header @org/error-server sends for catalog codes: the catalog's `retryable` (packages/error-server, toErrorResponse). */
export const SERVER_RETRY_HEADER = {
  /** The contract's should-retry header name. */
  get header(): string {
    const name = currentContract().names.headers["shouldRetry"];
    // The strict reader requires the header; a vocabulary without it is a programming error.
    if (name === undefined) throw new Error("the contract's vocabulary names no shouldRetry header");
    return name;
  },
  from: "@org/error-server",
  source: "packages/error-server/src (the contract's should-retry header = catalog retryable for catalog codes)",
} as const;

/** The clients, in report order. */
export const CLIENTS: readonly ClientRules[] = [
  {
    id: "org-error-client",
    name: "@org/error-client",
    package: "@org/error-client",
    version: "workspace (contract 1.x)",
    source:
      "packages/error-client/src retry policy; docs: DESIGN.md 'Client retry rule' (catalog, then x-should-retry, then status from the schema)",
    retry: [
      { by: "catalog" },
      {
        by: "header",
        get header() {
          return SERVER_RETRY_HEADER.header;
        },
      },
      {
        by: "contract-status",
        get fallback() {
          return orgClientFallbackStatusRule();
        },
      },
    ],
    errorClasses: [{ name: "ApiError", min: 0 }],
  },
  {
    id: "openai",
    name: "openai@6",
    package: "openai",
    version: "6.x",
    source:
      "openai-node src/client.ts shouldRetry (x-should-retry true/false first, then 408, 409, 429, >= 500); src/core/error.ts APIError.generate (class by status)",
    retry: [
      { by: "header", header: "x-should-retry" },
      { by: "status", rule: COMMON_RETRY },
    ],
    errorClasses: [
      { name: "BadRequestError", status: 400 },
      { name: "AuthenticationError", status: 401 },
      { name: "PermissionDeniedError", status: 403 },
      { name: "NotFoundError", status: 404 },
      { name: "ConflictError", status: 409 },
      { name: "UnprocessableEntityError", status: 422 },
      { name: "RateLimitError", status: 429 },
      { name: "InternalServerError", min: 500 },
      { name: "APIError", min: 0 },
    ],
  },
  {
    id: "vercel-ai",
    name: "the Vercel AI SDK",
    package: "@ai-sdk/provider",
    version: "2.x (ai 5)",
    source:
      "@ai-sdk/provider src/errors/api-call-error.ts: isRetryable = 408 || 409 || 429 || >= 500 (x-should-retry is not read)",
    retry: [{ by: "status", rule: COMMON_RETRY }],
    errorClasses: [{ name: "APICallError", min: 0 }],
  },
];
