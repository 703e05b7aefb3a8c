/**
 * The exception an OpenTelemetry span event records, masked like a response's message.
 * Why not the thrown object itself: the SDK copies its `message` and `stack` into the span
 * event (`exception.message`, `exception.stacktrace`), and a 5xx's message is exactly what
 * the response hides (`connect postgres://admin:hunter2@db...`).
 */
import { prepareMessage } from "./message.js";
import { redactSecrets } from "./redact.js";

/** What the SDK reads of an exception (`@opentelemetry/api`'s `Exception`). */
export interface RecordedException {
  name: string;
  message: string;
  stack?: string;
  code?: string | number;
}

/**
 * `error` as a span event's exception, its message masked with `redact` (null: not masked;
 * undefined: `redactSecrets` for a 5xx, as the `redact` option's default) within the same
 * window as a response's message. The stack keeps its frames: only its first line, which
 * repeats the message, is replaced (a stack that does not start with it is masked whole).
 * Never throws: what cannot be read becomes "unknown error".
 */
export function redactedException(
  error: unknown,
  status: number,
  redact: ((text: string) => string) | null | undefined,
): RecordedException | string {
  const mask = redact === undefined ? (status >= 500 ? redactSecrets : null) : redact;
  try {
    if (typeof error !== "object" || error === null) return maskText(String(error), mask);
    const { name, message, stack, code } = error as Partial<Record<"name" | "message" | "stack" | "code", unknown>>;
    const raw = typeof message === "string" ? message : "";
    const recorded: RecordedException = {
      name: typeof name === "string" ? name : "Error",
      message: maskText(raw, mask),
    };
    if (typeof stack === "string") recorded.stack = maskStack(stack, recorded.name, raw, mask);
    if (typeof code === "string" || typeof code === "number") recorded.code = code;
    return recorded;
  } catch {
    // A hostile getter, a throwing toString, or a failing custom redactor.
    return "unknown error";
  }
}

function maskText(text: string, mask: ((text: string) => string) | null): string {
  return mask === null ? text : prepareMessage(text, mask);
}

function maskStack(stack: string, name: string, message: string, mask: ((text: string) => string) | null): string {
  if (mask === null) return stack;
  // V8's stack starts with "Name: message" (just "Name" for an empty message), then the frames.
  const header = message === "" ? name : `${name}: ${message}`;
  if (stack.startsWith(header)) {
    const maskedHeader = message === "" ? name : `${name}: ${maskText(message, mask)}`;
    return maskedHeader + stack.slice(header.length);
  }
  return maskText(stack, mask);
}
