import "reflect-metadata";
import { Controller, Get, Module, UseFilters, type INestApplication } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { type ClientProxy, ClientProxyFactory, MessagePattern, RpcException, Transport } from "@nestjs/microservices";
import { WsAdapter } from "@nestjs/platform-ws";
import { type OnGatewayConnection, SubscribeMessage, WebSocketGateway, WsException } from "@nestjs/websockets";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { lastValueFrom } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ContractExceptionFilter } from "../src/adapters/nestjs/index.js";
import { createError, type ErrorContext } from "../src/index.js";

// Issue 21, defect 1a: the filter applied to a hybrid app's microservice (inheritAppConfig)
// or a WebSocket gateway used to rethrow, which escaped Nest's handlers and killed the
// process. In those contexts Nest's own behaviour must apply, and the process must live.
const reported: Array<{ error: unknown; context: ErrorContext }> = [];
const filter = new ContractExceptionFilter({ onError: (error, context) => void reported.push({ error, context }) });

@Controller()
class HttpController {
  @Get("known") known(): never {
    throw createError("model_not_found");
  }
  @MessagePattern("boom") boom(): never {
    throw new Error("db 10.0.0.7 exploded");
  }
  @MessagePattern("rpc-error") rpcError(): never {
    throw new RpcException("no such order");
  }
  @MessagePattern("contract") contract(): never {
    throw createError("model_not_found");
  }
  @MessagePattern("ok") ok(): string {
    return "pong";
  }
}

@UseFilters(filter)
@WebSocketGateway()
class Gateway implements OnGatewayConnection {
  // Nest's WS filter emits "exception" on the client object; with platform-ws that is a local
  // event, so the test bridges it onto the wire to observe exactly what Nest's behaviour gave.
  handleConnection(client: WebSocket): void {
    client.on("exception", (payload: unknown) => client.send(JSON.stringify({ event: "exception", data: payload })));
  }
  @SubscribeMessage("boom") boom(): never {
    throw new Error("db 10.0.0.7 exploded");
  }
  @SubscribeMessage("ws-error") wsError(): never {
    throw new WsException("not allowed");
  }
  @SubscribeMessage("async-boom") async asyncBoom(): Promise<never> {
    await Promise.resolve();
    throw createError("model_not_found");
  }
  @SubscribeMessage("ok") ok(): { event: string; data: string } {
    return { event: "ok", data: "pong" };
  }
}

@Module({ controllers: [HttpController], providers: [Gateway] })
class AppModule {}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let app: INestApplication;
let client: ClientProxy;
let base: string;
let wsUrl: string;

beforeAll(async () => {
  const rpcPort = await freePort();
  app = await NestFactory.create(AppModule, { logger: false, forceCloseConnections: true });
  app.useWebSocketAdapter(new WsAdapter(app));
  app.useGlobalFilters(filter);
  app.connectMicroservice(
    { transport: Transport.TCP, options: { host: "127.0.0.1", port: rpcPort } },
    { inheritAppConfig: true },
  );
  await app.startAllMicroservices();
  await app.listen(0, "127.0.0.1");
  const { port } = app.getHttpServer().address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  wsUrl = `ws://127.0.0.1:${port}`;
  client = ClientProxyFactory.create({ transport: Transport.TCP, options: { host: "127.0.0.1", port: rpcPort } });
  await client.connect();
});
afterAll(async () => {
  await client.close();
  await app.close();
});

describe("RPC (hybrid app microservice over TCP)", () => {
  it("an unexpected error gets Nest's RPC answer and the process lives", async () => {
    await expect(lastValueFrom(client.send("boom", {}))).rejects.toEqual({
      status: "error",
      message: "Internal server error",
    });
    expect(await lastValueFrom(client.send("ok", {}))).toBe("pong");
  });

  it("an RpcException gets its own error, as BaseRpcExceptionFilter sends it", async () => {
    await expect(lastValueFrom(client.send("rpc-error", {}))).rejects.toEqual({
      status: "error",
      message: "no such order",
    });
  });

  it("a ContractError thrown in RPC is Nest's unknown error too, and the HTTP side still answers", async () => {
    await expect(lastValueFrom(client.send("contract", {}))).rejects.toEqual({
      status: "error",
      message: "Internal server error",
    });
    const response = await fetch(`${base}/known`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("model_not_found");
  });
});

/** Sends one event on a fresh connection and returns the first message the server sends back. */
async function wsRoundTrip(event: string): Promise<unknown> {
  const socket = new WebSocket(wsUrl);
  try {
    await new Promise((resolve, reject) => {
      socket.once("open", resolve);
      socket.once("error", reject);
    });
    const reply = new Promise<unknown>((resolve) =>
      socket.once("message", (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    socket.send(JSON.stringify({ event, data: { n: 1 } }));
    return await reply;
  } finally {
    socket.close();
  }
}

describe("WebSocket gateway (@UseFilters)", () => {
  it.each(["boom", "async-boom"])("%s: Nest's unknown-error event, and the process lives", async (event) => {
    expect(await wsRoundTrip(event)).toEqual({
      event: "exception",
      data: { status: "error", message: "Internal server error", cause: { pattern: event, data: { n: 1 } } },
    });
    expect(await wsRoundTrip("ok")).toEqual({ event: "ok", data: "pong" });
  });

  it("a WsException gets its own message, as BaseWsExceptionFilter sends it", async () => {
    expect(await wsRoundTrip("ws-error")).toEqual({
      event: "exception",
      data: { status: "error", message: "not allowed", cause: { pattern: "ws-error", data: { n: 1 } } },
    });
  });

  it("an unexpected WS error still reaches onError, once", async () => {
    reported.length = 0;
    await wsRoundTrip("boom");
    expect(reported).toHaveLength(1);
    expect(reported[0]?.context.unexpected).toBe(true);
  });
});
