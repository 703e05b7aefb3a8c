/**
 * What a thrown value says, with its causes (at most 4 deep) and their codes, for a message:
 * `fetch failed: other side closed (UND_ERR_SOCKET)`. Never throws (a hostile getter gives
 * what was read so far); a non-Error says its type.
 */
export function describeFailure(e: unknown): string {
  const parts: string[] = [];
  try {
    for (let i = 0, x = e; i < 4 && x !== undefined && x !== null; i++) {
      if (typeof x !== "object") {
        parts.push(typeof x === "string" ? x : typeof x);
        break;
      }
      const { message, code, cause } = x as { message?: unknown; code?: unknown; cause?: unknown };
      const text =
        `${typeof message === "string" ? message : ""}${typeof code === "string" ? ` (${code})` : ""}`.trim();
      if (text !== "") parts.push(text);
      x = cause;
    }
  } catch {
    // A throwing getter: what was read is enough.
  }
  return parts.join(": ") || "no reason given";
}
