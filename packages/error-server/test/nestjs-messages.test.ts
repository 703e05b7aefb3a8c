import "reflect-metadata";
import { BadRequestException, Controller, Get, HttpException, Module, type INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ContractExceptionFilter } from "../src/adapters/nestjs/index.js";

// Issue 21, defect 7 (NestJS): a handler's 400 that mentions JSON is not a body-parse
// failure; the router's 404 does not echo the query string; problem title is the reason phrase.
@Controller()
class MessagesController {
  @Get("json-schema") jsonSchema(): never {
    throw new BadRequestException("Invalid JSON schema in tools[0].parameters");
  }
  @Get("teapot") teapot(): never {
    throw new HttpException("short and stout", 418);
  }
}
@Module({ controllers: [MessagesController] })
class MessagesModule {}

let app: INestApplication;
let base: string;
beforeAll(async () => {
  app = await NestFactory.create(MessagesModule, { logger: false, forceCloseConnections: true });
  app.useGlobalFilters(new ContractExceptionFilter({ onError: () => undefined }));
  await app.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(() => app.close());

describe("NestJS messages", () => {
  it("a handler's 400 that mentions JSON keeps its own message and is not bad_request_body", async () => {
    const response = await fetch(`${base}/json-schema`);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string | null; message: string } };
    expect(error.code).not.toBe("bad_request_body");
    expect(error.message).toBe("Invalid JSON schema in tools[0].parameters");
  });

  it("a real body-parse failure is still bad_request_body", async () => {
    const response = await fetch(`${base}/json-schema`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"model": "x",',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("bad_request_body");
  });

  it("the router's 404 names the path, not the query string", async () => {
    const response = await fetch(`${base}/nowhere?api_key=sk-live-abcdef1234567890`);
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain("/nowhere");
    expect(error.message).not.toContain("api_key");
    expect(error.message).not.toContain("?");
  });

  it("problem+json title for 418 is the reason phrase", async () => {
    const response = await fetch(`${base}/teapot`, { headers: { accept: "application/problem+json" } });
    expect(response.status).toBe(418);
    expect(((await response.json()) as { title: string }).title).toBe("I'm a teapot");
  });
});
