/**
 * What a thrown value says, with its causes (at most 4 deep) and their codes, for a message:
 * `terminated; other side closed (UND_ERR_SOCKET)`. Never throws (a hostile getter gives what
 * was read so far); a value that is no object says itself.
 */
export function describeFailure(e: unknown): string {
  const parts: unknown[] = [];
  try {
    for (
      let x = e as { message?: unknown; code?: unknown; cause?: unknown } | null, i = 0;
      i < 4 && x;
      i++, x = x.cause as typeof x
    )
      parts.push(...(typeof x === "object" ? [x.message, typeof x.code === "string" && `(${x.code})`] : [x]));
  } catch {
    // a throwing getter: what was read is enough
  }
  return parts.filter((p) => typeof p === "string" && p).join(" ") || "no reason given";
}
