import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { ApiModule } from '../../apps/api/src/app.module';
import { describeApi } from '../../apps/api/src/bootstrap';

export const CONSOLE_TYPES_FILE = resolve(__dirname, '../../apps/console/src/api/openapi.d.ts');

const HEADER = "// Generated from the api's OpenAPI document by `npm run console:types`; do not edit by hand.\n";

/**
 * The console's API types as the api's routes describe them today. A preview app instantiates no
 * provider, so this needs neither a database nor Temporal.
 */
export async function generateConsoleTypes(): Promise<string> {
  const app = await NestFactory.create(ApiModule, { preview: true, logger: false, abortOnError: false });
  try {
    // openapi-typescript takes a JSON text; the Swagger object carries class instances.
    const document = JSON.stringify(describeApi(app));
    const text = HEADER + astToString(await openapiTS(document));
    const options = await resolveConfig(CONSOLE_TYPES_FILE);
    return await format(text, { ...options, filepath: CONSOLE_TYPES_FILE });
  } finally {
    await app.close();
  }
}
