import { generateSecrets } from '@talent/local-stack';

/**
 * `npm run secrets:generate`: a new set of the api's secrets as .env lines, for a deployment
 * (docker compose, a secret store). `npm start` makes its own set once and keeps it.
 */
for (const [name, value] of Object.entries(generateSecrets())) console.log(`${name}=${value}`);
