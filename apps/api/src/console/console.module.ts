import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** The console's build (`npm run build:console`): dist/console at the repository's root. */
function consoleDirectory(): string | undefined {
  for (let directory = __dirname; directory !== dirname(directory); directory = dirname(directory)) {
    if (existsSync(join(directory, 'package.json'))) {
      const built = join(directory, 'dist', 'console');
      return existsSync(join(built, 'index.html')) ? built : undefined;
    }
  }
  return undefined;
}

/**
 * A browser asking for a page (a reload on /cases/…) gets the console, which routes on the
 * client; the same path asked for JSON, as the console and every integrator ask, reaches the api.
 */
const wantsPage = (request: Request): boolean =>
  request.method === 'GET' &&
  request.accepts(['application/json', 'text/html']) === 'text/html' &&
  !pathOf(request).startsWith('/docs');

/** The whole path: Nest mounts middleware on a route, and Express's `path` is relative to it. */
const pathOf = (request: Request): string => new URL(request.originalUrl, 'http://console').pathname;

/** The zh-CN console at `/`, from the same origin and with the same sign-in as the api. */
@Module({})
export class ConsoleModule implements NestModule {
  private readonly logger = new Logger(ConsoleModule.name);

  configure(consumer: MiddlewareConsumer): void {
    const directory = consoleDirectory();
    if (!directory) {
      this.logger.warn('the console is not built (npm run build:console); serving the api only');
      return;
    }
    const index = join(directory, 'index.html');
    // Bundles are named by their content hash, so a browser may keep them for good.
    const asset = (request: Request, response: Response, next: NextFunction) => {
      const path = pathOf(request);
      if (request.method !== 'GET' || !path.startsWith('/assets/')) return next();
      response.sendFile(path.slice(1), { root: directory, immutable: true, maxAge: '1y' }, (error) => {
        if (error) next();
      });
    };
    const page = (request: Request, response: Response, next: NextFunction) => {
      if (!wantsPage(request)) return next();
      // The page names its hashed bundles: it must never be served stale after an upgrade.
      response.setHeader('cache-control', 'no-cache');
      response.sendFile(index);
    };
    consumer.apply(asset, page).forRoutes('{*path}');
  }
}
