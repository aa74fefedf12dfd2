import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
// The module itself, not '@talent/event-store': an auditor's offline check needs no database driver.
import { type ExportVerification, verifyStreamExport } from '../../libs/event-store/src/stream-export';

const USAGE = 'usage: npm run audit:verify-export -- <export.json> [--public-key <public.pem>]';

/** The auditor gave us something we cannot check: exit 2, so it is never mistaken for a failed check. */
class UsageError extends Error {}

function parseArguments(args: string[]): { exportPath: string; publicKeyPath?: string } {
  const positional: string[] = [];
  let publicKeyPath: string | undefined;
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--public-key') {
      publicKeyPath = args[(index += 1)];
      if (!publicKeyPath) throw new UsageError('--public-key needs the path of a PEM public key');
    } else if (arg.startsWith('--public-key=')) {
      publicKeyPath = arg.slice('--public-key='.length);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError('give exactly one export file');
  return { exportPath: positional[0]!, ...(publicKeyPath !== undefined && { publicKeyPath }) };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the ${what} ${path}${code ? ` (${code})` : ''}`);
  }
}

function readExport(path: string): unknown {
  try {
    return JSON.parse(readText(path, 'export file'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

function readPublicKey(path: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(readText(path, 'public key'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path} is not a PEM public key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`${path} is not an Ed25519 public key`);
  return key;
}

/**
 * Anyone can edit an export and sign it again with a key of their own, so an export is only
 * shown valid against the office's key, which the auditor keeps from an earlier, trusted fetch.
 */
function verdictOf(result: ExportVerification): string {
  if (!result.valid) return 'INVALID';
  return result.trustedKey === null
    ? 'UNTRUSTED: intact, but whose key signed it is unknown without --public-key'
    : 'VALID';
}

function report(path: string, document: unknown, result: ExportVerification): string {
  const held = (document as { events?: unknown } | null)?.events;
  const of = Array.isArray(held) ? ` of ${held.length}` : '';
  const yesNo = (ok: boolean) => (ok ? 'ok' : 'FAILED');
  const trusted =
    result.trustedKey === null
      ? 'not checked: pass --public-key with the office’s published key to know who signed it'
      : yesNo(result.trustedKey);
  return [
    `export           ${path}`,
    `stream           ${result.streamId ?? '-'}`,
    `events verified  ${result.eventsVerified}${of}`,
    `key id           ${result.keyId ?? '-'}`,
    `signature        ${yesNo(result.signatureValid)}`,
    `chain            ${yesNo(result.chainValid)}`,
    `trusted key      ${trusted}`,
    ...(result.problems.length > 0 ? ['problems:', ...result.problems.map((problem) => `  - ${problem}`)] : []),
    verdictOf(result),
  ].join('\n');
}

/**
 * `npm run audit:verify-export -- <export.json> [--public-key <public.pem>]`: checks a signed
 * stream export offline, with no database and no network. Exits 0 when it is valid and signed
 * with the pinned key, 1 when it is not valid, 2 when it could not be checked, 3 when it is intact
 * but no key was pinned.
 */
function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const { exportPath, publicKeyPath } = parseArguments(args);
  const trustedPublicKey = publicKeyPath === undefined ? undefined : readPublicKey(publicKeyPath);
  const document = readExport(exportPath);
  const result = verifyStreamExport(document, trustedPublicKey ? { trustedPublicKey } : {});
  console.log(report(exportPath, document, result));
  if (!result.valid) return 1;
  return result.trustedKey === null ? 3 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(
    error instanceof UsageError ? `${error.message}\n${USAGE}` : `cannot check the export: ${String(error)}`,
  );
  process.exitCode = 2;
}
