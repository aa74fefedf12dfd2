import { type CellValue, Workbook } from 'exceljs';
import { identityCardCheckCharacter } from '@talent/personal-data';
import { ROSTER_COLUMNS } from './applicant-roster';

/**
 * Builds .xlsx files the way an office fills them in, for the specs and the docs' samples. Not
 * exported from the library: the api only reads what offices send.
 */
export interface SheetSpec {
  name?: string;
  rows: CellValue[][];
  /** Header names of columns kept as text (numFmt @), as a careful office formats 身份证号. */
  textColumns?: string[];
  /** Column widths in characters, in column order. */
  widths?: number[];
}

/** The header row of a 报名表 as offices head it: each roster column under its usual name. */
export const ROSTER_HEADER = ROSTER_COLUMNS.map((column) => column.names[0]!);

export async function buildWorkbook(...sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new Workbook();
  // A fixed date keeps generated samples byte-stable from one run to the next.
  workbook.created = workbook.modified = new Date('2024-05-01T00:00:00Z');
  workbook.creator = workbook.lastModifiedBy = 'talent-case-engine';
  sheets.forEach((spec, index) => {
    const sheet = workbook.addWorksheet(spec.name ?? `Sheet${index + 1}`);
    spec.rows.forEach((values) => sheet.addRow(values));
    spec.widths?.forEach((width, column) => (sheet.getColumn(column + 1).width = width));
    for (const header of spec.textColumns ?? []) {
      const headerRow = spec.rows.findIndex((values) => values.includes(header));
      if (headerRow >= 0) sheet.getColumn(spec.rows[headerRow]!.indexOf(header) + 1).numFmt = '@';
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function identityCardNumber(region: string, birthDate: string, sequence: string): string {
  const body = `${region}${birthDate}${sequence}`;
  return body + identityCardCheckCharacter(body);
}
