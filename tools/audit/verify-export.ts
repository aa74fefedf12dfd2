import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
// The modules themselves, not the libs' indexes: an auditor's offline check opens no connection.
import { verifyStreamExport } from '../../libs/event-store/src/stream-export';
import { LEDGER_EXPORT_FORMAT, verifyLedgerExport } from '../../libs/ledger/src/ledger-export-verification';
import { verifyStreamExportLedger } from '../../libs/ledger/src/offline-verification';
import { REPORT_EVIDENCE_FORMAT, verifyReportEvidence } from '../../libs/ledger/src/report-verification';
import { ledgerExportReport, reportEvidenceReport, streamExportReport, type Verdict } from './verification-report';

const USAGE =
  'usage: npm run audit:verify-export -- <export.json> [--public-key <office.pem>] ' +
  '[--tree-head <saved-head.json> --ledger-key <ledger.pem>]';

/** The auditor gave us something we cannot check: exit 2, so it is never mistaken for a failed check. */
class UsageError extends Error {}

const OPTIONS = ['--public-key', '--tree-head', '--ledger-key'] as const;
type Option = (typeof OPTIONS)[number];

function parseArguments(args: string[]): { exportPath: string; files: Partial<Record<Option, string>> } {
  const positional: string[] = [];
  const files: Partial<Record<Option, string>> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    const [name, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const option = OPTIONS.find((known) => known === name);
    if (option) {
      const value = inline ?? args[(index += 1)];
      if (!value) throw new UsageError(`${option} needs the path of a file`);
      files[option] = value;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) throw new UsageError('give exactly one export file');
  if (files['--tree-head'] && !files['--ledger-key']) {
    throw new UsageError('--tree-head needs --ledger-key: a saved head is only worth the signature on it');
  }
  return { exportPath: positional[0]!, files };
}

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read the ${what} ${path}${code ? ` (${code})` : ''}`);
  }
}

function readJson(path: string, what: string): unknown {
  const text = readText(path, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${(error as Error).message}`);
  }
}

/** A PEM file, or the JSON that /audit/signing-key and /ledger/public-key answer with. */
function readPublicKey(path: string, what: string): KeyObject {
  const text = readText(path, what);
  let key: KeyObject;
  try {
    const published = text.trimStart().startsWith('{') ? (JSON.parse(text) as { publicKey?: unknown }) : undefined;
    key = createPublicKey(published ? String(published.publicKey) : text);
  } catch {
    throw new UsageError(`${path} is not a PEM public key, nor the JSON the api publishes one in`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new UsageError(`${path} is not an Ed25519 public key`);
  return key;
}

const EXIT: Record<Verdict, number> = { VALID: 0, INVALID: 1, UNTRUSTED: 3 };

/**
 * `npm run audit:verify-export -- <export.json> [--public-key <office.pem>] [--tree-head <head.json>
 * --ledger-key <ledger.pem>]`: checks a stream export, a ledger export or an annual report's
 * evidence (GET /reports/annual/:year/evidence) offline, with no database
 * and no network, against a tree head saved earlier. Exits 0 when valid and every signature was
 * checked against a pinned key, 1 when not valid, 2 when it could not be checked, 3 when intact
 * but some key was not pinned.
 */
function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const { exportPath, files } = parseArguments(args);
  const officeKey = files['--public-key'] && readPublicKey(files['--public-key'], 'public key');
  const ledgerKey = files['--ledger-key'] && readPublicKey(files['--ledger-key'], 'ledger key');
  const savedHead = files['--tree-head'] && readJson(files['--tree-head'], 'saved tree head');
  const document = readJson(exportPath, 'export file');
  const ledgerOptions = { ...(ledgerKey && { ledgerKey }), ...(savedHead !== undefined && { savedHead }) };

  const format = (document as { format?: unknown } | null)?.format;
  const { text, verdict } =
    format === LEDGER_EXPORT_FORMAT
      ? ledgerExportReport(exportPath, verifyLedgerExport(document, ledgerOptions))
      : format === REPORT_EVIDENCE_FORMAT
        ? reportEvidenceReport(exportPath, verifyReportEvidence(document, ledgerOptions))
        : streamExportReport(exportPath, document, {
            stream: verifyStreamExport(document, officeKey ? { trustedPublicKey: officeKey } : {}),
            ledger: verifyStreamExportLedger(document, ledgerOptions),
          });
  console.log(text);
  return EXIT[verdict];
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(
    error instanceof UsageError ? `${error.message}\n${USAGE}` : `cannot check the export: ${String(error)}`,
  );
  process.exitCode = 2;
}
