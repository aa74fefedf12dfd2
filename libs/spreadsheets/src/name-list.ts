import { PassThrough } from 'node:stream';
import { type Borders, type Font, type Row, type Style, stream } from 'exceljs';

export interface NameListColumn {
  header: string;
  /** The property of each row that fills the column. */
  key: string;
  /** In characters; 12 by default. */
  width?: number;
}

export type NameListValue = string | number | null | undefined;

/** A 名单 as an office prints it: 面试、体检、考察 or 拟录用人员名单. */
export interface NameList {
  /** E.g. 某县2024年考试录用公务员体检人员名单: printed once, merged across the columns. */
  title: string;
  columns: NameListColumn[];
  rows: Array<Record<string, NameListValue>>;
  /** The sheet's tab; 名单 by default. */
  sheetName?: string;
}

// 宋体 is the font of printed government documents; Excel and WPS fall back gracefully where it is missing.
const BODY_FONT: Partial<Font> = { name: '宋体', size: 11 };
const THIN = { style: 'thin' } as const;
const BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
// Every cell of a kind shares one style object: exceljs caches a style's id by the object's
// identity, which makes a 10,000-row list several times faster than styling cells one property at a time.
const BODY_STYLE: Partial<Style> = {
  font: BODY_FONT,
  border: BORDERS,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const HEADER_STYLE: Partial<Style> = { ...BODY_STYLE, font: { ...BODY_FONT, bold: true } };
const TITLE_STYLE: Partial<Style> = {
  font: { name: '宋体', size: 16, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle' },
};
const DEFAULT_WIDTH = 12;
const A4 = 9;
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/**
 * Writes the list with exceljs's streaming writer: each row is serialised as it is added, so a
 * 10,000-row list never holds the whole workbook model in memory.
 */
export async function writeNameList(list: NameList): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });

  const workbook = new stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(list.sheetName ?? '名单', {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      // Every page fits the columns across and runs on as many pages as the rows need.
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页', oddHeader: '' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
  });
  sheet.columns = list.columns.map((column) => ({ key: column.key, width: column.width ?? DEFAULT_WIDTH }));

  const title = sheet.addRow([list.title]);
  title.height = 30;
  title.getCell(1).style = TITLE_STYLE;
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, Math.max(list.columns.length, 1));
  title.commit();

  const header = sheet.addRow(list.columns.map((column) => column.header));
  styleRow(header, list.columns.length, HEADER_STYLE);
  header.commit();

  for (const values of list.rows) {
    const row = sheet.addRow(list.columns.map((column) => values[column.key] ?? null));
    styleRow(row, list.columns.length, BODY_STYLE);
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function styleRow(row: Row, columns: number, style: Partial<Style>): void {
  for (let column = 1; column <= columns; column++) row.getCell(column).style = style;
}
