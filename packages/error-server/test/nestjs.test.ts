import "reflect-metadata";
import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpException,
  Module,
  Post,
  Res,
  ServiceUnavailableException,
  UnauthorizedException,
  ValidationPipe,
  type INestApplication,
} from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { ERROR_CATALOG } from "@org/error-types";
import { isErrorEnvelope } from "@org/error-validator";
import { Type } from "class-transformer";
import { IsIn, IsInt, IsString, Min, ValidateNested } from "class-validator";
import type { Response as ExpressResponse } from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractExceptionFilter, validationExceptionFactory } from "../src/adapters/nestjs/index.js";
import { createError, type ErrorContext } from "../src/index.js";

class MessageDto {
  @IsIn(["system", "user", "assistant"]) role!: string;
  @IsString() content!: string;
}

class ChatDto {
  @IsString() model!: string;
  @IsInt() @Min(1) max_tokens!: number;
  @ValidateNested({ each: true }) @Type(() => MessageDto) messages!: MessageDto[];
}

@Controller()
class AppController {
  @Get("models/missing") missing(): never {
    throw createError("model_not_found", undefined, { param: "model" });
  }
  @Get("forbidden") forbidden(): never {
    throw new ForbiddenException("key lacks scope chat");
  }
  @Get("teapot") teapot(): never {
    throw new HttpException("short and stout", 418);
  }
  @Get("unavailable") unavailable(): never {
    throw new ServiceUnavailableException("db at 10.0.0.7 password=hunter2 down");
  }
  @Get("boom") boom(): never {
    throw new Error("vault https://vault.internal:8200 token=s.AbCdEf123 unreachable");
  }
  @Get("bad-token") badToken(): never {
    throw new BadRequestException("key sk-live-abcdef1234567890abcdef rejected");
  }
  @Get("unauthorized") unauthorized(): never {
    throw new UnauthorizedException();
  }
  @Get("rate") rate(): never {
    throw createError(429, "slow down", { retryAfter: 5 });
  }
  @Get("stream") stream(@Res({ passthrough: true }) res: ExpressResponse): never {
    res.setHeader("content-type", "text/event-stream");
    res.setHeader("content-encoding", "gzip");
    throw createError("bad_response");
  }
  @Post("chat") chat(@Body() body: ChatDto): { ok: string } {
    return { ok: body.model };
  }
}

@Module({ controllers: [AppController] })
class AppModule {}

interface Running {
  url: string;
  seen: Array<{ error: unknown; context: ErrorContext<unknown> }>;
  app: INestApplication;
}

async function start(pipe: ValidationPipe): Promise<Running> {
  const app = await NestFactory.create(AppModule, { logger: false, forceCloseConnections: true });
  const seen: Running["seen"] = [];
  app.useGlobalPipes(pipe);
  app.useGlobalFilters(new ContractExceptionFilter({ onError: (error, context) => seen.push({ error, context }) }));
  await app.listen(0, "127.0.0.1");
  return { url: (await app.getUrl()).replace("[::1]", "127.0.0.1"), seen, app };
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const validChat = { model: "gpt-4o", max_tokens: 5, messages: [{ role: "user", content: "hi" }] };

describe.each([
  ["Nest's default ValidationPipe", () => new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true })],
  [
    "ValidationPipe with validationExceptionFactory",
    () =>
      new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, exceptionFactory: validationExceptionFactory }),
  ],
])("ContractExceptionFilter in a NestJS 11 app (platform-express) with %s", (_name, makePipe) => {
  let server: Running;
  beforeAll(async () => {
    server = await start(makePipe());
  });
  afterAll(async () => {
    await server.app.close();
  });

  async function envelope(response: Response) {
    const body: unknown = await response.json();
    expect(isErrorEnvelope(body)).toBe(true);
    return body as { error: { message: string; type: string; code: string | null; param?: string | null } };
  }

  it("a ContractError keeps status, code, param and the contract's headers", async () => {
    const response = await fetch(`${server.url}/models/missing`, { headers: { "x-request-id": "req-42" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("x-request-id")).toBe("req-42");
    expect(response.headers.get("x-should-retry")).toBe("false");
    expect(await envelope(response)).toEqual({
      error: {
        message: ERROR_CATALOG.model_not_found.meaning,
        type: "not_found_error",
        code: "model_not_found",
        param: "model",
        request_id: "req-42",
        doc_url: ERROR_CATALOG.model_not_found.docUrl,
      },
    });
  });

  it("retry-after is sent for a 429", async () => {
    const response = await fetch(`${server.url}/rate`);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    expect((await envelope(response)).error).toMatchObject({
      message: "slow down",
      type: "rate_limit_error",
      code: null,
    });
  });

  it("HttpException 4xx keep their status and message, with the status's type", async () => {
    const forbidden = await fetch(`${server.url}/forbidden`);
    expect(forbidden.status).toBe(403);
    // 403 may not be sent code-less: the contract's code for it, as every adapter answers a framework's 403.
    expect((await envelope(forbidden)).error).toEqual({
      message: "key lacks scope chat",
      type: "permission_error",
      code: "access_denied",
      doc_url: ERROR_CATALOG.access_denied.docUrl,
    });
    const teapot = await fetch(`${server.url}/teapot`);
    expect(teapot.status).toBe(418);
    expect((await envelope(teapot)).error).toMatchObject({
      message: "short and stout",
      type: "invalid_request_error",
      code: null,
    });
  });

  it("a 4xx HttpException's message is masked; UnauthorizedException is the contract's 401", async () => {
    const bad = await fetch(`${server.url}/bad-token`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await envelope(bad))).not.toContain("abcdef1234567890");
    const unauthorized = await fetch(`${server.url}/unauthorized`);
    expect(unauthorized.status).toBe(401);
    expect((await envelope(unauthorized)).error).toMatchObject({ type: "authentication_error", code: null });
  });

  it("an HttpException 5xx keeps its status and leaks nothing", async () => {
    const response = await fetch(`${server.url}/unavailable`);
    expect(response.status).toBe(503);
    const text = JSON.stringify(await envelope(response));
    expect(text).not.toMatch(/10\.0\.0\.7|hunter2|db at/);
  });

  it("an unexpected error is a generic 500, reported to onError with the original error", async () => {
    const before = server.seen.length;
    const response = await fetch(`${server.url}/boom`);
    expect(response.status).toBe(500);
    expect(await envelope(response)).toEqual({
      error: { message: "Internal server error", type: "server_error", code: null },
    });
    const report = server.seen.slice(before).find((s) => s.context.unexpected);
    expect((report?.error as Error).message).toMatch(/vault/);
  });

  it("headers a handler set for its own body are not sent with the error", async () => {
    const response = await fetch(`${server.url}/stream`);
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect((await envelope(response)).error.code).toBe("bad_response");
  });

  it("an unknown route is a 404 envelope with code null", async () => {
    const response = await fetch(`${server.url}/nope`);
    expect(response.status).toBe(404);
    expect((await envelope(response)).error).toMatchObject({ type: "not_found_error", code: null });
  });

  it("a valid body passes the pipe", async () => {
    const response = await post(`${server.url}/chat`, validChat);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: "gpt-4o" });
  });

  it.each([
    ["a wrong top-level type", { ...validChat, model: 42 }, "model"],
    ["a failing number rule", { ...validChat, max_tokens: 0 }, "max_tokens"],
    [
      "a nested failure",
      {
        ...validChat,
        messages: [
          { role: "user", content: "a" },
          { role: "robot", content: "b" },
        ],
      },
      "messages.1.role",
    ],
    ["a member the DTO does not have", { ...validChat, temperature_x: 1 }, "temperature_x"],
  ])("ValidationPipe: %s -> 400 invalid_request with param", async (_what, body, param) => {
    const response = await post(`${server.url}/chat`, body);
    expect(response.status).toBe(400);
    const { error } = await envelope(response);
    expect(error).toMatchObject({ type: "invalid_request_error", code: "invalid_request", param });
    expect(error.message).toContain(param.split(".").at(-1));
  });
});

describe("ContractExceptionFilter outside HTTP", () => {
  it("returns nothing in RPC and GraphQL contexts, which hands the error to Nest's own handler", () => {
    const error = new Error("rpc failure");
    for (const type of ["rpc", "graphql"]) {
      const host = { getType: () => type } as never;
      expect(new ContractExceptionFilter().catch(error, host)).toBeUndefined();
    }
  });
});

describe("ContractExceptionFilter construction", () => {
  it("takes no arguments, or options; bad options are a TypeError", () => {
    expect(new ContractExceptionFilter()).toBeInstanceOf(ContractExceptionFilter);
    expect(() => new ContractExceptionFilter(42 as never)).toThrow(TypeError);
    expect(() => new ContractExceptionFilter({ getRequestId: "x" as never })).toThrow(TypeError);
  });
});

describe("ContractExceptionFilter and Express's body parser under Nest", () => {
  let server: Running;
  beforeAll(async () => {
    server = await start(new ValidationPipe());
  });
  afterAll(async () => {
    await server.app.close();
  });

  async function errorOf(response: Response) {
    const body: unknown = await response.json();
    expect(isErrorEnvelope(body)).toBe(true);
    return (body as { error: { code: string | null; message: string } }).error;
  }

  it.each([
    ["truncated", '{"model": "x",'],
    ["not JSON at all", "model=x"],
    ["a bare string token", "{'model': 'secret-sk-live-abc'}"],
  ])("malformed JSON (%s) is 400 bad_request_body, the body not echoed", async (_what, text) => {
    const response = await fetch(`${server.url}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: text,
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error).toMatchObject({ code: "bad_request_body", message: ERROR_CATALOG.bad_request_body.meaning });
  });

  it("a body over the parser's limit is 413 read_request_body_failed", async () => {
    const response = await post(`${server.url}/chat`, { ...validChat, pad: "x".repeat(200_000) });
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("read_request_body_failed");
  });

  it("an unsupported content-encoding is 415 read_request_body_failed", async () => {
    const response = await fetch(`${server.url}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-encoding": "x-unknown" },
      body: "{}",
    });
    expect(response.status).toBe(415);
    expect((await errorOf(response)).code).toBe("read_request_body_failed");
  });

  it("a bad percent-encoding in the path is a 4xx, not a 500", async () => {
    const response = await fetch(`${server.url}/models/%E0%A4%A`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    await errorOf(response);
  });
});
