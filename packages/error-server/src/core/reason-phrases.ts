/**
 * The reason phrases of the IANA HTTP status code registry for 4xx and 5xx (RFC 9110 and
 * the RFCs it names): for statuses outside the contract, whose `HTTP_STATUSES` entry has
 * the contract's own phrase. Plain HTTP facts, not contract facts.
 */
const PHRASES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Content Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  417: "Expectation Failed",
  // RFC 9110 §15.5.19 reserves it as "(Unused)"; every server says what RFC 2324 named it.
  418: "I'm a teapot",
  421: "Misdirected Request",
  422: "Unprocessable Content",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
  506: "Variant Also Negotiates",
  507: "Insufficient Storage",
  508: "Loop Detected",
  510: "Not Extended",
  511: "Network Authentication Required",
};

/** The registry's reason phrase of a 4xx/5xx status, or undefined for an unregistered one. */
export function reasonPhrase(status: number): string | undefined {
  return Object.prototype.hasOwnProperty.call(PHRASES, status) ? PHRASES[status] : undefined;
}
