import { type CellValue } from 'exceljs';

/** A cell's value as the reader sees it: formulas by their result, rich text as its plain text. */
export type CellContent =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; error: string };

const EMPTY: CellContent = { kind: 'empty' };

export function cellContent(value: CellValue): CellContent {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return textContent(value);
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value };
  if ('richText' in value) return textContent(value.richText.map((part) => part.text).join(''));
  if ('error' in value) return { kind: 'error', error: value.error };
  if ('formula' in value || 'sharedFormula' in value) return cellContent(value.result);
  return textContent(value.text);
}

// Offices pad cells with full-width spaces (U+3000) as often as with ASCII ones; \s covers both.
const textContent = (text: string): CellContent => {
  const trimmed = text.trim();
  return trimmed === '' ? EMPTY : { kind: 'text', text: trimmed };
};

/** Calendar date of an Excel date cell: Excel dates carry no zone, and exceljs reads them as UTC. */
export const excelDate = (date: Date): string => date.toISOString().slice(0, 10);
