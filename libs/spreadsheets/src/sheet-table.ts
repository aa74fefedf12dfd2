import { Workbook, type Worksheet } from 'exceljs';
import { type CellContent, cellContent } from './cell-content';
import { type SheetProblem, fileProblem } from './sheet-problem';

/** A column the reader looks for: its field, the header names offices give it, and whether the file needs it. */
export interface ColumnSpec<Field extends string> {
  field: Field;
  /** The first name is the one errors use; the others are accepted spellings, the first found wins. */
  names: readonly string[];
  required: boolean;
}

/** One non-blank data row: the Excel row number and the content of each column found. */
export interface TableRow<Field extends string> {
  row: number;
  cells: Partial<Record<Field, CellContent>>;
}

export type TableReading<Field extends string> =
  { ok: true; rows: TableRow<Field>[] } | { ok: false; errors: SheetProblem[] };

// Title rows (文件标题, 填报单位, 填表日期) sit above the header; more than this many is not a roster.
const HEADER_SEARCH_ROWS = 10;

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// The Compound File header of the .xls (Excel 97–2003) format offices still save by habit.
const XLS_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

const NOT_XLSX = '文件不是 .xlsx 格式的 Excel 工作簿，请用 Excel 或 WPS 另存为 .xlsx 后重新上传';
const OLD_XLS = '文件是旧版 .xls 格式，请用 Excel 或 WPS 另存为 .xlsx（Excel 工作簿）后重新上传';

/** Reads the table whose header names the given columns, from whichever sheet holds it. */
export async function readTable<Field extends string>(
  file: Buffer,
  specs: readonly ColumnSpec<Field>[],
  maxRows: number,
): Promise<TableReading<Field>> {
  const workbook = await loadWorkbook(file);
  if (typeof workbook === 'string') return { ok: false, errors: [fileProblem(workbook)] };

  const header = bestHeader(workbook.worksheets, specs);
  const problems = header ? headerProblems(header.columns, specs) : [];
  if (!header || problems.length > 0) {
    return { ok: false, errors: problems.length > 0 ? problems : [missingColumns(specs)] };
  }

  const rows = dataRows(header.sheet, header.row, header.columns);
  if (rows.length > maxRows) {
    return {
      ok: false,
      errors: [fileProblem(`文件有${rows.length}行数据，超过一次导入的上限${maxRows}行，请分文件导入`)],
    };
  }
  return { ok: true, rows };
}

async function loadWorkbook(file: Buffer): Promise<Workbook | string> {
  if (file.subarray(0, 4).equals(XLS_SIGNATURE)) return OLD_XLS;
  if (!file.subarray(0, 4).equals(ZIP_SIGNATURE)) return NOT_XLSX;
  const workbook = new Workbook();
  try {
    // exceljs's typings predate Buffer being generic over its backing store.
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return NOT_XLSX;
  }
  return workbook;
}

interface Header<Field extends string> {
  sheet: Worksheet;
  row: number;
  /** Field → the column numbers whose header names it (more than one is an error). */
  columns: Map<Field, number[]>;
}

function bestHeader<Field extends string>(
  sheets: Worksheet[],
  specs: readonly ColumnSpec<Field>[],
): Header<Field> | undefined {
  let best: Header<Field> | undefined;
  for (const sheet of sheets) {
    for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); row++) {
      const columns = headerColumns(sheet, row, specs);
      if (columns.size > 0 && columns.size > (best?.columns.size ?? 0)) best = { sheet, row, columns };
    }
  }
  return best;
}

function headerColumns<Field extends string>(
  sheet: Worksheet,
  row: number,
  specs: readonly ColumnSpec<Field>[],
): Map<Field, number[]> {
  const named = new Map<string, number[]>();
  sheet.getRow(row).eachCell((cell, column) => {
    const content = cellContent(cell.value);
    if (content.kind !== 'text') return;
    const name = headerName(content.text);
    named.set(name, [...(named.get(name) ?? []), column]);
  });
  const columns = new Map<Field, number[]>();
  for (const spec of specs) {
    const found = spec.names.find((name) => named.has(name));
    if (found !== undefined) columns.set(spec.field, named.get(found) ?? []);
  }
  return columns;
}

// Offices spread short headers out ("姓  名") and star the required ones ("*身份证号").
const headerName = (text: string): string => text.replace(/[\s*＊]/g, '');

function headerProblems<Field extends string>(
  columns: Map<Field, number[]>,
  specs: readonly ColumnSpec<Field>[],
): SheetProblem[] {
  const problems: SheetProblem[] = [];
  const missing = specs.filter((spec) => spec.required && !columns.has(spec.field));
  if (missing.length > 0) problems.push(missingColumns(missing));
  for (const spec of specs) {
    if ((columns.get(spec.field)?.length ?? 0) > 1) {
      problems.push({ column: spec.names[0], message: `表头中“${spec.names[0]}”列出现了不止一次，请只保留一列` });
    }
  }
  return problems;
}

const missingColumns = <Field extends string>(specs: readonly ColumnSpec<Field>[]): SheetProblem =>
  fileProblem(
    `缺少必填列：${specs
      .filter((spec) => spec.required)
      .map((spec) => spec.names[0])
      .join('、')}（表头须在前${HEADER_SEARCH_ROWS}行内）`,
  );

function dataRows<Field extends string>(
  sheet: Worksheet,
  headerRow: number,
  columns: Map<Field, number[]>,
): TableRow<Field>[] {
  const rows: TableRow<Field>[] = [];
  sheet.eachRow((excelRow, row) => {
    if (row <= headerRow) return;
    const cells: Partial<Record<Field, CellContent>> = {};
    let blank = true;
    for (const [field, [column]] of columns) {
      if (column === undefined) continue;
      const content = cellContent(excelRow.getCell(column).value);
      cells[field] = content;
      if (content.kind !== 'empty') blank = false;
    }
    if (!blank) rows.push({ row, cells });
  });
  return rows;
}
