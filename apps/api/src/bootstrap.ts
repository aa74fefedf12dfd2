import { type INestApplication, type NestApplicationOptions, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './app.module';
import { DomainExceptionFilter } from './errors/domain-exception.filter';

/** Builds the api exactly as production runs it; tests call this too, so they test the real thing. */
export async function createApiApp(options: NestApplicationOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule, { bufferLogs: true, ...options });
  app.useLogger(app.get(Logger));
  app.use(helmet({ contentSecurityPolicy: false }));
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }),
  );
  app.useGlobalFilters(new DomainExceptionFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Talent case engine')
      .setDescription('Cases of a county talent office (人才工作): recruitment, expert workstations, returning talent.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
