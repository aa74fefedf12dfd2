import type { ExportVerification } from '../../libs/event-store/src/stream-export';
import type { LedgerCheck } from '../../libs/ledger/src/ledger-export-verification';
import type { HeadCheck, StreamLedgerCheck } from '../../libs/ledger/src/offline-verification';
import type { ReportCheck } from '../../libs/ledger/src/report-verification';

/**
 * VALID only when every signature was checked against a key the auditor pinned: anyone can edit
 * an export and sign it again, or sign a head, with a key of their own.
 */
export type Verdict = 'VALID' | 'INVALID' | 'UNTRUSTED';

const yesNo = (ok: boolean) => (ok ? 'ok' : 'FAILED');
const problemLines = (problems: string[]) =>
  problems.length > 0 ? ['problems:', ...problems.map((problem) => `  - ${problem}`)] : [];

function headLine(head: HeadCheck | null): string {
  if (!head) return '-';
  const signature =
    head.signatureValid === null
      ? 'signature not checked: pass --ledger-key with the key of GET /ledger/public-key'
      : `signature ${yesNo(head.signatureValid)}`;
  return `size ${head.treeSize}, issued ${head.issuedAt}, ${signature}`;
}

function savedHeadLine(saved: (HeadCheck & { agrees: boolean }) | null, agreement: string): string {
  if (!saved) return 'none given: pass --tree-head with a head saved earlier to catch a rewrite since';
  return `${headLine(saved)}; ${agreement} ${yesNo(saved.agrees)}`;
}

export function streamExportReport(
  path: string,
  document: unknown,
  result: { stream: ExportVerification; ledger: StreamLedgerCheck },
): { text: string; verdict: Verdict } {
  const { stream, ledger } = result;
  const held = (document as { events?: unknown } | null)?.events;
  const of = Array.isArray(held) ? ` of ${held.length}` : '';
  const trusted =
    stream.trustedKey === null
      ? 'not checked: pass --public-key with the office’s published key to know who signed it'
      : yesNo(stream.trustedKey);
  const ledgerLines = stream.carriesTreeHead
    ? [
        `tree head        ${headLine(ledger.treeHead)}`,
        `saved head       ${savedHeadLine(
          ledger.savedHead && { ...ledger.savedHead, agrees: ledger.savedHead.consistent },
          'the export’s head extends it:',
        )}`,
        `in the ledger    ${ledger.eventsProven}${of} events proven`,
      ]
    : (document as { formatVersion?: unknown } | null)?.formatVersion === 1
      ? ['tree head        none: a version 1 export carries no tree head; its chain and signature are all it shows']
      : [];
  const problems = [...stream.problems, ...(stream.carriesTreeHead ? ledger.problems : [])];
  const valid = stream.valid && (!stream.carriesTreeHead || ledger.valid);
  const untrusted = stream.trustedKey === null || (stream.carriesTreeHead && ledger.treeHead?.signatureValid === null);
  const verdict: Verdict = !valid ? 'INVALID' : untrusted ? 'UNTRUSTED' : 'VALID';
  return {
    text: [
      `export           ${path}`,
      `format           stream export, version ${JSON.stringify((document as { formatVersion?: unknown } | null)?.formatVersion ?? '-')}`,
      `stream           ${stream.streamId ?? '-'}`,
      `events verified  ${stream.eventsVerified}${of}`,
      `key id           ${stream.keyId ?? '-'}`,
      `signature        ${yesNo(stream.signatureValid)}`,
      `chain            ${yesNo(stream.chainValid)}`,
      `trusted key      ${trusted}`,
      ...ledgerLines,
      ...problemLines(problems),
      verdict === 'UNTRUSTED' ? 'UNTRUSTED: intact, but not every signature was checked against a pinned key' : verdict,
    ].join('\n'),
    verdict,
  };
}

export function ledgerExportReport(path: string, result: LedgerCheck): { text: string; verdict: Verdict } {
  const first = result.firstDifferingLeaf;
  const verdict: Verdict = !result.valid ? 'INVALID' : result.treeHead?.signatureValid === null ? 'UNTRUSTED' : 'VALID';
  return {
    text: [
      `export           ${path}`,
      'format           ledger export, version 1',
      `tree head        ${headLine(result.treeHead)}`,
      `saved head       ${savedHeadLine(
        result.savedHead && { ...result.savedHead, agrees: result.savedHead.rootMatches },
        'the tree’s leaves hash to its root:',
      )}`,
      `leaves verified  ${result.leavesVerified}`,
      `first differing  ${first ? `leaf ${first.leafIndex} (${first.problem}): ${first.detail}` : 'none'}`,
      ...problemLines(result.problems),
      verdict === 'UNTRUSTED' ? 'UNTRUSTED: intact, but the tree head was not checked against the ledger key' : verdict,
    ].join('\n'),
    verdict,
  };
}

export function reportEvidenceReport(path: string, result: ReportCheck): { text: string; verdict: Verdict } {
  const first = result.firstDifferingFigure;
  const verdict: Verdict = !result.valid ? 'INVALID' : result.treeHead?.signatureValid === null ? 'UNTRUSTED' : 'VALID';
  const figure = first && `${first.metric}${first.dimension ? `/${first.dimension}` : ''}`;
  return {
    text: [
      `evidence         ${path}`,
      'format           annual report evidence, version 1',
      `tree head        ${headLine(result.treeHead)}`,
      `saved head       ${savedHeadLine(
        result.savedHead && { ...result.savedHead, agrees: result.savedHead.consistent },
        'the report’s head extends it:',
      )}`,
      `figures verified ${result.figuresVerified}, ${result.factsProven} facts proven`,
      `first differing  ${first ? `${figure}${first.eventId ? ` (event ${first.eventId})` : ''}: ${first.detail}` : 'none'}`,
      ...problemLines(result.problems),
      verdict === 'UNTRUSTED' ? 'UNTRUSTED: intact, but the tree head was not checked against the ledger key' : verdict,
    ].join('\n'),
    verdict,
  };
}
