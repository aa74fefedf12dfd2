import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './repo-root';

/** Pinned in tools/temporal/go.mod; bump both together. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
const CLI_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';

const goModuleDir = path.join(repoRoot(), 'tools', 'temporal');

export function temporalCliCachePath(): string {
  const cacheHome = process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache');
  return path.join(cacheHome, 'talent-engine', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const location = found.stdout.trim();
  return found.status === 0 && location ? location : undefined;
}

function findGo(): string {
  const candidates = [process.env.GO_BINARY, onPath('go'), '/usr/local/go/bin/go'];
  const go = candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
  if (!go) {
    throw new Error(
      'The Temporal CLI is not cached and Go was not found to build it. Install Go (1.24 or newer), ' +
        'or set TEMPORAL_CLI to an existing `temporal` binary, or TEMPORAL_ADDRESS to a running server.',
    );
  }
  return go;
}

/**
 * Builds the pinned CLI from source with Go. Temporal's own downloader needs the open internet;
 * the Go module proxy is reachable wherever this project is developed, so the build is the
 * offline-safe path. Progress goes to stderr because the first build takes minutes.
 */
async function buildTemporalCli(target: string, log: (line: string) => void): Promise<void> {
  const go = findGo();
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} (first time only; a few minutes)...`);
  const started = Date.now();
  let packagesBuilt = 0;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(go, ['build', '-v', '-o', partial, CLI_PACKAGE], {
      cwd: goModuleDir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let lastReport = 0;
    let stderrTail = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-4000);
      packagesBuilt += chunk.split('\n').filter((line) => line.trim() && !line.startsWith('go: ')).length;
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        log(`  ... ${packagesBuilt} packages compiled, ${Math.round((Date.now() - started) / 1000)} s`);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`go build of the Temporal CLI failed (exit ${code}):\n${stderrTail}`)),
    );
  });
  // Rename is atomic, so a concurrent or interrupted build never leaves a half-written binary.
  renameSync(partial, target);
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${target}`);
}

/**
 * Where the `temporal` binary comes from, in order: TEMPORAL_CLI, a `temporal` on PATH, the cache
 * outside the repository, and finally a build from the pinned Go module into that cache.
 */
export async function resolveTemporalCli(log: (line: string) => void = console.error): Promise<string> {
  const configured = process.env.TEMPORAL_CLI;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`TEMPORAL_CLI points to ${configured}, which does not exist`);
    return configured;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cached = temporalCliCachePath();
  if (!existsSync(cached)) await buildTemporalCli(cached, log);
  return cached;
}
