/**
 * The HTTP error statuses a `ContractError` may carry: the registered 4xx and 5xx codes.
 * A union rather than `number` so that a typo (`createError(4040)`) fails to compile.
 */
export type HttpErrorStatus =
  | 400 | 401 | 402 | 403 | 404 | 405 | 406 | 407 | 408 | 409 | 410 | 411 | 412 | 413 | 414 | 415
  | 416 | 417 | 418 | 421 | 422 | 423 | 424 | 425 | 426 | 428 | 429 | 431 | 451
  | 500 | 501 | 502 | 503 | 504 | 505 | 506 | 507 | 508 | 510 | 511;

// Default messages for errors created without one. Short, English, and safe to show anyone.
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: "Bad request",
  401: "Unauthorized",
  402: "Payment required",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  406: "Not acceptable",
  407: "Proxy authentication required",
  408: "Request timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length required",
  412: "Precondition failed",
  413: "Payload too large",
  414: "URI too long",
  415: "Unsupported media type",
  416: "Range not satisfiable",
  417: "Expectation failed",
  418: "I'm a teapot",
  421: "Misdirected request",
  422: "Unprocessable content",
  423: "Locked",
  424: "Failed dependency",
  425: "Too early",
  426: "Upgrade required",
  428: "Precondition required",
  429: "Too many requests",
  431: "Request header fields too large",
  451: "Unavailable for legal reasons",
  500: "Internal server error",
  501: "Not implemented",
  502: "Bad gateway",
  503: "Service unavailable",
  504: "Gateway timeout",
  505: "HTTP version not supported",
  506: "Variant also negotiates",
  507: "Insufficient storage",
  508: "Loop detected",
  510: "Not extended",
  511: "Network authentication required",
};

/** The message of every unexpected error: says nothing about what went wrong inside. */
export const GENERIC_SERVER_ERROR_MESSAGE = "Internal server error";

/** True for an integer status in 400..599, the only statuses an error response may have. */
export function isHttpErrorStatus(value: unknown): value is HttpErrorStatus {
  return typeof value === "number" && Number.isInteger(value) && value >= 400 && value <= 599;
}

/** A short default message for a status (a generic one for unregistered statuses). */
export function statusText(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? GENERIC_SERVER_ERROR_MESSAGE : "Request failed");
}
