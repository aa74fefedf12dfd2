import { type CellContent, excelDate } from './cell-content';

/** A cell read as one field: its value (undefined for an empty cell), or a problem in the office's words. */
export type CellRead<T> = { value: T | undefined; problem?: undefined } | { value?: undefined; problem: string };

const value = <T>(read: T | undefined): CellRead<T> => ({ value: read });
const problem = <T>(sentence: string): CellRead<T> => ({ problem: sentence });

// Excel keeps 15 significant digits of a number: a longer number typed into a number cell has
// already lost its last digits before the file reaches us.
const EXACT_DIGITS = 15;
const AS_TEXT = '以数字格式保存会丢失末几位，请将该列设置为文本格式后重新填写';

/** Free text (姓名, 民族, 专业 …): numbers and dates are taken as they read. */
export function readText(cell: CellContent | undefined, maxLength = 100): CellRead<string> {
  switch (cell?.kind) {
    case undefined:
    case 'empty':
      return value(undefined);
    case 'text':
      return cell.text.length > maxLength ? problem(`不能超过${maxLength}个字`) : value(cell.text);
    case 'number':
      return value(String(cell.value));
    case 'date':
      return value(excelDate(cell.value));
    case 'boolean':
      return problem('应为文字，不是“是/否”');
    case 'error':
      return problem(`单元格是错误值 ${cell.error}，请填写内容`);
  }
}

/**
 * A code or number written with digits (准考证号, 职位代码, 手机号): numbers are accepted while
 * Excel can hold them exactly.
 */
export function readCode(cell: CellContent | undefined, maxLength = 32): CellRead<string> {
  if (cell?.kind === 'number') {
    const exact = Number.isInteger(cell.value) && cell.value >= 0 && String(cell.value).length <= EXACT_DIGITS;
    return exact ? value(String(cell.value)) : problem(AS_TEXT);
  }
  const text = readText(cell, maxLength);
  if (text.value !== undefined && !/^[0-9A-Za-z_-]+$/.test(text.value)) {
    return problem('只能包含字母、数字、“-”和“_”');
  }
  return text;
}

/** 身份证号: 18 characters never fit a number cell, so a number is always refused. */
export function readIdentityCard(cell: CellContent | undefined): CellRead<string> {
  return cell?.kind === 'number' ? problem(AS_TEXT) : readText(cell, 32);
}

export function required<T>(read: CellRead<T>): CellRead<T> {
  return read.problem === undefined && read.value === undefined ? problem('不能为空') : read;
}

const EARLIEST_BIRTH_YEAR = 1900;

/**
 * 出生年月 as YYYY-MM, from an Excel date or the ways offices type it: 1998-05, 1998.05, 1998/5,
 * 1998年5月, 199805, with or without a day.
 */
export function readBirthMonth(cell: CellContent | undefined, today: Date = new Date()): CellRead<string> {
  switch (cell?.kind) {
    case undefined:
    case 'empty':
      return value(undefined);
    case 'date':
      return yearMonth(cell.value.getUTCFullYear(), cell.value.getUTCMonth() + 1, today);
    case 'number':
      // 1998.10 typed into a number cell arrives as 1998.1: two decimals restore the month.
      return fromText(Number.isInteger(cell.value) ? String(cell.value) : cell.value.toFixed(2), today);
    case 'text':
      return fromText(cell.text, today);
    case 'boolean':
    case 'error':
      return problem('应为年月，例如 1998-05、1998.05 或 1998年5月');
  }
}

function fromText(text: string, today: Date): CellRead<string> {
  const compact = text.replace(/\s/g, '');
  const match =
    /^(\d{4})(\d{2})(?:\d{2})?$/.exec(compact) ??
    /^(\d{4})[-./年](\d{1,2})(?:月|(?:[-./](\d{1,2}))|月(\d{1,2})日)?$/.exec(compact);
  if (!match) return problem(`“${text}”不是可识别的年月，请写成 1998-05、1998.05 或 1998年5月`);
  return yearMonth(Number(match[1]), Number(match[2]), today);
}

function yearMonth(year: number, month: number, today: Date): CellRead<string> {
  if (month < 1 || month > 12) return problem(`月份${month}不存在`);
  if (year < EARLIEST_BIRTH_YEAR || year > today.getUTCFullYear()) return problem(`年份${year}不可能是出生年份`);
  return value(`${year}-${String(month).padStart(2, '0')}`);
}
