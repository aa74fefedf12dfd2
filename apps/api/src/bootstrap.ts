import { type INestApplication, type NestApplicationOptions, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { API_KEY_HEADER, APP_CONFIG, type AppConfig } from '@talent/platform';
import { ApiModule } from './app.module';
import { WellFormedInputPipe } from './validation/well-formed-input.pipe';

/**
 * The OpenAPI document of the api's routes. It reads only decorators, so a preview app (no
 * database, no Temporal) yields the same document as a running one: the console's types are
 * generated from it.
 */
export function describeApi(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Talent case engine')
      .setDescription('Cases of a county talent office (人才工作): recruitment, expert workstations, returning talent.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A token from POST /auth/sign-in' })
      .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: 'An API client key' }, 'api-key')
      .build(),
  );
}

/** Builds the api exactly as production runs it; tests call this too, so they test the real thing. */
export async function createApiApp(options: NestApplicationOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true, ...options });
  app.useLogger(app.get(Logger));
  const config = app.get<AppConfig>(APP_CONFIG);
  // Larger bodies are refused with 413 before they are parsed or reach a handler.
  app.useBodyParser('json', { limit: `${config.REQUEST_BODY_LIMIT_KB}kb` });
  app.useBodyParser('urlencoded', { limit: `${config.REQUEST_BODY_LIMIT_KB}kb`, extended: false });
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useGlobalPipes(
    new WellFormedInputPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.enableShutdownHooks();
  const document = describeApi(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
