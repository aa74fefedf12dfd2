import { generateDeploymentSecrets } from '@talent/local-stack';

/**
 * `npm run secrets:generate`: a new set of every secret docker-compose.yml requires (the database
 * passwords and the api's secrets) as .env lines. `npm start` makes its own set once and keeps it.
 */
for (const [name, value] of Object.entries(generateDeploymentSecrets())) console.log(`${name}=${value}`);
