/**
 * `init` with the `json` option applied: the body is `JSON.stringify(json)` and the
 * content type `application/json` unless the caller set one. Both `json` and `init.body`:
 * TypeError (which one to send would be a guess).
 */
export function withJson(
  init: RequestInit | undefined,
  options: { json?: unknown } | undefined,
): RequestInit | undefined {
  if (options === undefined || !("json" in options) || options.json === undefined) return init;
  if (init?.body !== undefined && init.body !== null)
    throw new TypeError("@org/error-client: pass either init.body or options.json, not both");
  // undefined for a function, a Symbol or undefined itself (the lib types say string).
  const body = JSON.stringify(options.json) as string | undefined;
  if (body === undefined) throw new TypeError("@org/error-client: options.json is not serialisable as JSON");
  const headers = new Headers(init?.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json");
  return { ...init, method: init?.method ?? "POST", body, headers };
}
