import { BadRequestException, HttpException, UnprocessableEntityException } from "@nestjs/common";
import { describe, expect, it } from "vitest";
import { fromNestException } from "../src/adapters/nestjs/map-exception.js";
import { MESSAGE_WINDOW } from "../src/core/message.js";
import { redactMessage } from "../src/core/redact.js";
import { MAX_RESPONSE_MESSAGE_LENGTH, REDACTED, toErrorResponse } from "../src/index.js";
import { scannedLengths } from "./helpers/scan-count.js";

// The longest text the secret patterns may be run over for one message: the response cap plus
// the margin that lets a secret straddling the cut be seen whole (message.ts).
const WINDOW = MESSAGE_WINDOW;

const KEY = `sk-proj-${"A1b2C3d4".repeat(5)}`;
const HUGE_NAME = "p".repeat(90_000);
const quiet = { onError: () => undefined };

describe("framework and Nest messages are redacted within the message window (issue 21)", () => {
  it.each([
    {
      given: "ValidationPipe's message about a 90 KB property name",
      make: () =>
        new BadRequestException({ message: [`${KEY} ${HUGE_NAME} should not be empty`], error: "Bad Request" }),
    },
    {
      given: "an HttpException 4xx with a 90 KB message",
      make: () => new UnprocessableEntityException(`${KEY} ${HUGE_NAME}`),
    },
    { given: "an HttpException with a custom 4xx status", make: () => new HttpException(`${KEY} ${HUGE_NAME}`, 409) },
    {
      given: "an http-errors 4xx (Express, Fastify, Hono) with a 90 KB message",
      make: () => Object.assign(new Error(`${KEY} ${HUGE_NAME}`), { status: 400, expose: true }),
    },
  ])("$given: scanned at most once per window, masked, capped", ({ make }) => {
    let message = "";
    const lengths = scannedLengths(() => {
      const error = fromNestException(make());
      message = toErrorResponse(error, quiet).body.error.message;
    });
    expect(lengths.length).toBeGreaterThan(0);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(WINDOW);
    expect(message.startsWith(REDACTED)).toBe(true);
    expect(message).not.toContain(KEY.slice(8, 20));
    expect(message.length).toBeLessThanOrEqual(MAX_RESPONSE_MESSAGE_LENGTH);
  });

  it("redactMessage: a message of any length is scanned within one window", () => {
    for (const size of [10, WINDOW, 1_000_000]) {
      const lengths = scannedLengths(() => redactMessage(`${KEY} ${"x".repeat(size)}`));
      expect(lengths).toHaveLength(1);
      expect(lengths[0]).toBeLessThanOrEqual(WINDOW);
    }
  });
});
