// TEMPORARY until branch i10's `isRetryableHttpStatus` from @org/error-types is merged: the
// contract's status rule (408, 409, 429 and every 5xx except 501 and 505). Replaced by the
// generated function at merge; nothing else in this package repeats the rule.
/** Whether a status without a catalog code is worth retrying (the contract's rule). */
export const isRetryableHttpStatus = (status: number): boolean =>
  status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
