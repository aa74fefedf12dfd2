import { type RoundExam } from '@talent/domain';
import { type CellContent } from './cell-content';
import { type CellRead, readCode, readText, required } from './cell-readers';
import { duplicateProblems } from './duplicates';
import { type SheetProblem, type SheetReading, cellProblem } from './sheet-problem';
import { type ColumnSpec, readTable } from './sheet-table';

export interface ScoreRow {
  row: number;
  ticket: string;
  /** null for 缺考. */
  score: number | null;
  /** As the sheet has it, for the api to compare with the roster. */
  name?: string;
}

export type ScoreReading = SheetReading<ScoreRow>;

export interface ScoreSheetOptions {
  /** Data rows one file may hold; 20,000 by default. */
  maxRows?: number;
}

/** The header of each exam's score column; a column named just 成绩 is accepted for any exam. */
export const SCORE_COLUMN_NAMES: Record<RoundExam, string> = {
  written: '笔试成绩',
  interview: '面试成绩',
  assessment: '考核成绩',
};

const ABSENT = '缺考';
const MAX_SCORE = 100;
const DEFAULT_MAX_ROWS = 20_000;

type ScoreField = 'ticket' | 'score' | 'name';

const scoreColumns = (exam: RoundExam): ColumnSpec<ScoreField>[] => [
  { field: 'ticket', names: ['准考证号'], required: true },
  { field: 'score', names: [SCORE_COLUMN_NAMES[exam], '成绩'], required: true },
  { field: 'name', names: ['姓名'], required: false },
];

/**
 * Reads one exam's scores as the exam system or the examiners hand them over. Every row is checked;
 * matching tickets against the roster is the round's business, not the sheet's.
 */
export async function readScoreSheet(
  file: Buffer,
  exam: RoundExam,
  options: ScoreSheetOptions = {},
): Promise<ScoreReading> {
  const table = await readTable(file, scoreColumns(exam), options.maxRows ?? DEFAULT_MAX_ROWS);
  if (!table.ok) return table;

  const scoreColumn = SCORE_COLUMN_NAMES[exam];
  const errors: SheetProblem[] = [];
  const rows: ScoreRow[] = [];
  const tickets: Array<{ row: number; ticket?: string }> = [];
  for (const { row, cells } of table.rows) {
    const ticket = required(readCode(cells.ticket));
    const score = readScore(cells.score);
    const name = readText(cells.name, 50);
    tickets.push({ row, ticket: ticket.value });
    if (ticket.problem !== undefined) errors.push(cellProblem(row, '准考证号', ticket.problem));
    if (score.problem !== undefined) errors.push(cellProblem(row, scoreColumn, score.problem));
    if (name.problem !== undefined) errors.push(cellProblem(row, '姓名', name.problem));
    if (ticket.value !== undefined && score.value !== undefined && name.problem === undefined) {
      rows.push({ row, ticket: ticket.value, score: score.value, ...(name.value ? { name: name.value } : {}) });
    }
  }
  errors.push(...duplicateProblems(tickets, '准考证号', (line) => line.ticket));
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

function readScore(cell: CellContent | undefined): CellRead<number | null> {
  switch (cell?.kind) {
    case undefined:
    case 'empty':
      return { problem: `不能为空，缺考请填“${ABSENT}”` };
    case 'number':
      return scoreProblem(cell.value);
    case 'text':
      if (cell.text === ABSENT) return { value: null };
      return /^\d+(\.\d+)?$/.test(cell.text)
        ? scoreProblem(Number(cell.text))
        : { problem: `“${cell.text}”不是成绩：应为0至${MAX_SCORE}的数字，或“${ABSENT}”` };
    case 'date':
    case 'boolean':
    case 'error':
      return { problem: `应为0至${MAX_SCORE}的数字，或“${ABSENT}”` };
  }
}

function scoreProblem(score: number): CellRead<number | null> {
  if (!Number.isFinite(score) || score < 0 || score > MAX_SCORE) {
    return { problem: `${score}超出0至${MAX_SCORE}分的范围` };
  }
  // Offices publish scores to two decimals; a third means a formula left unrounded or a typing slip.
  const hundredths = Math.round(score * 100);
  if (Math.abs(score * 100 - hundredths) > 1e-6) return { problem: `${score}超过两位小数` };
  return { value: hundredths / 100 };
}
