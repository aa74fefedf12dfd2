import 'reflect-metadata';
import { closeWhenSupervisorGoes, loadConfig } from '@talent/platform';
import { Logger } from 'nestjs-pino';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  // Fail before Nest starts so a bad variable is named plainly, not buried in a DI stack trace.
  const config = loadConfig();
  const app = await createApiApp();
  await app.listen(config.PORT, config.HOST);
  closeWhenSupervisorGoes(app);
  app.get(Logger).log(`api listening on http://${config.HOST}:${config.PORT} (OpenAPI at /docs)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
