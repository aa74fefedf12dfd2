import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { generateDeploymentSecrets } from '@talent/local-stack';

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  networks?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  networks?: Record<string, { internal?: boolean } | null>;
}

const repoRoot = path.join(__dirname, '../..');

/** A file of the repository as text, by its path from the root. */
export const repoFile = (relativePath: string) => readFileSync(path.join(repoRoot, relativePath), 'utf8');

export const composeFile = (relativePath: string) => parse(repoFile(relativePath), { merge: true }) as ComposeFile;

/** What `docker compose -f base -f override` runs: environments merged, volumes added. */
export function withOverride(base: ComposeFile, override: ComposeFile): ComposeFile {
  const services = { ...base.services };
  for (const [name, extra] of Object.entries(override.services)) {
    const service = services[name] ?? {};
    services[name] = {
      ...service,
      environment: { ...service.environment, ...extra.environment },
      volumes: [...(service.volumes ?? []), ...(extra.volumes ?? [])],
    };
  }
  return { ...base, services };
}

/** A set of what `npm run secrets:generate` prints, as an operator would put it in .env. */
export const operatorSecrets = generateDeploymentSecrets();

/**
 * Compose's `${VAR:-default}` with the defaults, as `docker compose` resolves it with nothing
 * set, and its required `${VAR:?message}` with the values an operator would put in .env.
 */
export function interpolate(env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([key, value]) => [
      key,
      String(value)
        .replace(/\$\{(\w+):-([^}]*)\}/g, '$2')
        .replace(/\$\{(\w+):\?[^}]*\}/g, (_, name: string) => operatorSecrets[name as keyof typeof operatorSecrets]),
    ]),
  );
}

/** The names of every `${VAR:?message}` in a compose file: what the operator must set. */
export const requiredVariables = (text: string) => [...text.matchAll(/\$\{(\w+):\?/g)].map((match) => match[1]!);
