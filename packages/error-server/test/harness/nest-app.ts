/**
 * The NestJS (platform-express) app: `ContractExceptionFilter` from the built package as a
 * global filter, Nest's own `enableCors`. Decorators are applied as functions (this file is
 * compiled without decorator metadata, which these routes do not need).
 */
import "reflect-metadata";
import type { AddressInfo } from "node:net";
import { All, Controller, Get, Module, Req, Res } from "@nestjs/common";
import { NestFactory } from "@nestjs/core";
import { ContractExceptionFilter } from "@org/error-server/nestjs";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";
import { act } from "./act.js";
import type { App } from "./apps.js";
import { appOptions, currentPlan, sseOptions } from "./context.js";
import { expressSurface } from "./surfaces.js";
import { materialize } from "./thrown.js";
import { inRequestSpan } from "./tracing.js";

function decorateMethod(target: object, name: string, ...decorators: MethodDecorator[]): void {
  const descriptor = Object.getOwnPropertyDescriptor(target, name) as PropertyDescriptor;
  for (const decorate of decorators) decorate(target, name, descriptor);
}

/** Starts the Nest app; `withHook` builds its filter with `getRequestId`. */
export async function startNest(withHook: boolean): Promise<App> {
  class CaseController {
    ping(): string {
      return "pong";
    }
    run(_req: ExpressRequest, res: ExpressResponse): void {
      const plan = currentPlan();
      act(plan.before, expressSurface(res, sseOptions(withHook)), materialize(plan.thrown, "nest"));
    }
  }
  decorateMethod(CaseController.prototype, "ping", Get("ping"));
  Req()(CaseController.prototype, "run", 0);
  Res()(CaseController.prototype, "run", 1);
  decorateMethod(CaseController.prototype, "run", All("case"));
  Controller()(CaseController);
  class CaseModule {}
  Module({ controllers: [CaseController] })(CaseModule);

  const app = await NestFactory.create(CaseModule, { logger: false, forceCloseConnections: true });
  app.use((_req: unknown, _res: unknown, next: () => void) => inRequestSpan(next));
  app.enableCors({ origin: true, credentials: true });
  app.useGlobalFilters(new ContractExceptionFilter(appOptions(withHook)));
  await app.listen(0, "127.0.0.1");
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { port, close: () => app.close() };
}
