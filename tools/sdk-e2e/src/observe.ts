/**
 * What an SDK surfaced for one call, read the way a user of that SDK would read it: each
 * fact through a list of places ("probes"), the SDK's documented place first. The first
 * place that holds a value wins and is recorded, so the table can say where a fact was found.
 */

/** One place a fact may be read from. */
export interface Probe {
  /** How a user reads it, e.g. `err.code` or `JSON.parse(err.message).error.details[0].reason`. */
  readonly where: string;
  readonly read: (error: unknown) => unknown;
}

/** The facts of one call. JSON-safe: the ai@7 child process sends them to the test. */
export interface Observation {
  /** The class of what was thrown or reported (`RetryError > APICallError` when wrapped); "none": no error at all. */
  readonly errorClass: string;
  readonly status: number | null;
  readonly code: string | null;
  /** Where the code was found (null: nowhere). */
  readonly codeWhere: string | null;
  /** The SDK's documented place for the code (the first probe): where a user looks first. */
  readonly codePlace: string;
  readonly requestId: string | null;
  readonly requestIdWhere: string | null;
  /** The SDK's documented place for the request id (the first probe). */
  readonly requestIdPlace: string;
  readonly message: string | null;
  /** The SDK's own retry verdict where it has one (the AI SDK's `isRetryable`). */
  readonly retryable: boolean | null;
  /** The answer's text read before the error (a stream's first event). */
  readonly text: string;
}

/** `value[key1][key2]...`, undefined where a step is not an object. */
export function at(value: unknown, ...keys: Array<string | number>): unknown {
  let current = value;
  for (const key of keys) {
    if ((typeof current !== "object" && typeof current !== "function") || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A probe reading a member path: `member("err", "error", "code")` reads `err.error.code`. */
export function member(root: string, ...keys: string[]): Probe {
  return { where: [root, ...keys].join("."), read: (error) => at(error, ...keys) };
}

/** The first probe that finds a non-empty string (numbers as text): its value and place. */
export function firstString(error: unknown, probes: readonly Probe[]): { value: string | null; where: string | null } {
  for (const probe of probes) {
    let value: unknown;
    try {
      value = probe.read(error);
    } catch {
      value = undefined;
    }
    if (typeof value === "number") value = String(value);
    if (typeof value === "string" && value !== "") return { value, where: probe.where };
  }
  return { value: null, where: null };
}

/** The class name of a thrown value: its constructor's name, else its `name`, else its type. */
export function classOf(error: unknown): string {
  if (typeof error !== "object" || error === null) return typeof error;
  const ctor = (error as { constructor?: { name?: unknown } }).constructor;
  if (typeof ctor?.name === "string" && ctor.name !== "" && ctor.name !== "Object") return ctor.name;
  const name = (error as { name?: unknown }).name;
  return typeof name === "string" ? name : "Object";
}

/** The JSON object inside a text (from its first `{`), or undefined: what @google/genai puts in messages. */
export function jsonIn(text: unknown): unknown {
  if (typeof text !== "string") return undefined;
  const start = text.indexOf("{");
  if (start < 0) return undefined;
  try {
    return JSON.parse(text.slice(start));
  } catch {
    return undefined;
  }
}

/** The places a row reads its facts from, the SDK's documented place first. */
export interface Probes {
  readonly code: readonly Probe[];
  readonly requestId: readonly Probe[];
  readonly status: readonly Probe[];
  readonly message: readonly Probe[];
  readonly retryable?: Probe;
}

/** The observation of `error` (undefined: nothing was thrown or reported) through `probes`. */
export function observe(error: unknown, probes: Probes, text: string, errorClass?: string): Observation {
  const places = { codePlace: probes.code[0]?.where ?? "", requestIdPlace: probes.requestId[0]?.where ?? "" };
  if (error === undefined)
    return {
      errorClass: "none",
      status: null,
      code: null,
      codeWhere: null,
      requestId: null,
      requestIdWhere: null,
      ...places,
      message: null,
      retryable: null,
      text,
    };
  const code = firstString(error, probes.code);
  const requestId = firstString(error, probes.requestId);
  const status = Number(firstString(error, probes.status).value ?? Number.NaN);
  const retryable = probes.retryable?.read(error);
  return {
    errorClass: errorClass ?? classOf(error),
    status: Number.isInteger(status) ? status : null,
    code: code.value,
    codeWhere: code.where,
    requestId: requestId.value,
    requestIdWhere: requestId.where,
    ...places,
    message: firstString(error, probes.message).value,
    retryable: typeof retryable === "boolean" ? retryable : null,
    text,
  };
}
