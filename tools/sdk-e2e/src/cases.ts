import { ERROR_CATALOG, ERROR_CODES, type ErrorCode, HTTP_STATUSES, isRetryableHttpStatus } from "@org/error-types";

/** The statuses answered without a business code (`code: null`) in the matrix. */
export const CODELESS_STATUSES = Object.freeze([401, 429, 500] as const);

/** One error the service answers: a catalog code at its canonical status, or a codeless status. */
export interface MatrixCase {
  /** Stable name: the code, or `status-<n>` for a codeless status. */
  readonly id: string;
  readonly code: ErrorCode | null;
  readonly status: number;
  /** What the contract says about retrying: the catalog's `retryable`, else the status rule. */
  readonly retryable: boolean;
  /** The message the service sends (the catalog's meaning, else the reason phrase). */
  readonly message: string;
}

/** How the error reaches the client: as the response, or as an event inside a started stream. */
export type Mode = "plain" | "stream";

/** Both modes, in table order. */
export const MODES: readonly Mode[] = Object.freeze(["plain", "stream"]);

const reasonOf = (status: number): string =>
  (HTTP_STATUSES as Readonly<Record<number, { reason: string } | undefined>>)[status]?.reason ?? String(status);

/** Every contract code at its canonical status, then 401, 429 and 500 without a code: 29 cases. */
export const CASES: readonly MatrixCase[] = Object.freeze([
  ...ERROR_CODES.map((code): MatrixCase => ({
    id: code,
    code,
    status: ERROR_CATALOG[code].status,
    retryable: ERROR_CATALOG[code].retryable,
    message: ERROR_CATALOG[code].meaning,
  })),
  ...CODELESS_STATUSES.map((status): MatrixCase => ({
    id: `status-${status}`,
    code: null,
    status,
    retryable: isRetryableHttpStatus(status),
    message: reasonOf(status),
  })),
]);

/** The case named `id`; throws for an unknown one (a key the service was never given). */
export function caseById(id: string): MatrixCase {
  const found = CASES.find((c) => c.id === id);
  if (found === undefined) throw new Error(`sdk-e2e: no case ${JSON.stringify(id)}`);
  return found;
}
