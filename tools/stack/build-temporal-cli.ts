import { resolveTemporalCli } from '@talent/local-stack';

/** `npm run temporal:build`: fetch and build the pinned Temporal CLI ahead of the first start. */
resolveTemporalCli()
  .then((binary) => console.error(`Temporal CLI ready: ${binary}`))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
