import { type Applicant } from '@talent/domain';
import { identityCardProblem, normaliseIdentityCard, normalisePhone, phoneProblem } from '@talent/personal-data';
import { type CellContent } from './cell-content';
import { type CellRead, readBirthMonth, readCode, readIdentityCard, readText, required } from './cell-readers';
import { duplicateProblems } from './duplicates';
import { type SheetProblem, type SheetReading, cellProblem } from './sheet-problem';
import { type ColumnSpec, readTable } from './sheet-table';

/** An applicant as the 报名表 gives it: the card number and phone in plain, for the api to encrypt and key. */
export type ApplicantInput = Omit<Applicant, 'idCardKey'>;

export interface RosterRow {
  /** The Excel row the applicant came from, recorded as the import's source. */
  row: number;
  applicant: ApplicantInput;
}

export type RosterReading = SheetReading<RosterRow>;

export interface RosterOptions {
  /** Data rows one file may hold; 20,000 by default. */
  maxRows?: number;
  /** The day birth dates are checked against; today by default. */
  today?: Date;
}

type RosterField = keyof ApplicantInput;

const column = (field: RosterField, names: string[], isRequired = false): ColumnSpec<RosterField> => ({
  field,
  names,
  required: isRequired,
});

/** The 报名表's columns, in the order offices print them, with the spellings they also use. */
export const ROSTER_COLUMNS: readonly ColumnSpec<RosterField>[] = [
  column('name', ['姓名'], true),
  column('gender', ['性别'], true),
  column('ethnicity', ['民族']),
  column('birthMonth', ['出生年月', '出生日期']),
  column('politicalStatus', ['政治面貌']),
  column('education', ['学历']),
  column('degree', ['学位']),
  column('school', ['毕业院校', '毕业学校']),
  column('major', ['专业', '所学专业']),
  column('professionalTitle', ['职称']),
  column('ticket', ['准考证号'], true),
  column('idCardNumber', ['身份证号', '身份证号码', '公民身份号码'], true),
  column('phone', ['手机号', '手机号码', '联系电话']),
  column('postCode', ['报考职位代码', '职位代码'], true),
];

const DEFAULT_MAX_ROWS = 20_000;

/**
 * Reads a 报名 list: every row is checked and every problem is reported, so an officer fixes the
 * file once; nothing is returned as rows while any problem remains.
 */
export async function readApplicantRoster(file: Buffer, options: RosterOptions = {}): Promise<RosterReading> {
  const table = await readTable(file, ROSTER_COLUMNS, options.maxRows ?? DEFAULT_MAX_ROWS);
  if (!table.ok) return table;

  const errors: SheetProblem[] = [];
  const reads = table.rows.map(({ row, cells }) => ({
    row,
    ...readApplicant(row, cells, options.today ?? new Date()),
  }));
  const rows: RosterRow[] = [];
  for (const { row, fields, problems } of reads) {
    if (problems.length > 0) errors.push(...problems);
    // Without problems every required field was read: required() reports each one that is not.
    else rows.push({ row, applicant: fields as ApplicantInput });
  }
  // A row wrong elsewhere still counts as a duplicate, so the officer sees both problems at once.
  errors.push(
    ...duplicateProblems(reads, '准考证号', (line) => line.fields.ticket),
    ...duplicateProblems(reads, '身份证号', (line) => line.fields.idCardNumber),
  );
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** The fields that could be read, and the problems of the others; the row is an applicant when there are none. */
interface ApplicantRead {
  fields: Partial<ApplicantInput>;
  problems: SheetProblem[];
}

function readApplicant(row: number, cells: Partial<Record<RosterField, CellContent>>, today: Date): ApplicantRead {
  const problems: SheetProblem[] = [];
  const take = <T>(field: RosterField, read: CellRead<T>): T | undefined => {
    if (read.problem !== undefined) problems.push(cellProblem(row, columnName(field), read.problem));
    return read.value;
  };

  const fields = {
    ticket: take('ticket', required(readCode(cells.ticket))),
    postCode: take('postCode', required(readCode(cells.postCode))),
    name: take('name', required(readText(cells.name, 50))),
    gender: take('gender', required(readGender(cells.gender))),
    ethnicity: take('ethnicity', readText(cells.ethnicity, 20)),
    birthMonth: take('birthMonth', readBirthMonth(cells.birthMonth, today)),
    politicalStatus: take('politicalStatus', readText(cells.politicalStatus, 20)),
    education: take('education', readText(cells.education, 20)),
    degree: take('degree', readText(cells.degree, 20)),
    school: take('school', readText(cells.school)),
    major: take('major', readText(cells.major)),
    professionalTitle: take('professionalTitle', readText(cells.professionalTitle)),
    idCardNumber: take('idCardNumber', required(readIdentityCardNumber(cells.idCardNumber, today))),
    phone: take('phone', readPhone(cells.phone)),
  };
  return { fields: withoutEmpty(fields), problems };
}

const columnName = (field: RosterField): string =>
  ROSTER_COLUMNS.find((spec) => spec.field === field)?.names[0] ?? field;

function readGender(cell: CellContent | undefined): CellRead<'男' | '女'> {
  const text = readText(cell, 2);
  if (text.value === undefined || text.value === '男' || text.value === '女') return text as CellRead<'男' | '女'>;
  return { problem: `应为“男”或“女”，不是“${text.value}”` };
}

// The personal-data checks answer in English for the api's messages; the roster speaks the office's language.
const IDENTITY_CARD_PROBLEMS: Record<string, string> = {
  'must be 18 characters: 17 digits and a check character (0-9 or X)': '应为18位：17位数字加1位校验码（0-9或X）',
  'has a wrong check character': '校验位不正确',
  'has an impossible birth date': '其中的出生日期不存在',
};
const PHONE_PROBLEMS: Record<string, string> = {
  'must be 11 digits, optionally after +86': '应为11位手机号码（可带+86）',
  'must be a mainland mobile number starting with 13 to 19': '应为以13至19开头的大陆手机号码',
};

function readIdentityCardNumber(cell: CellContent | undefined, today: Date): CellRead<string> {
  const text = readIdentityCard(cell);
  if (text.value === undefined) return text;
  const problem = identityCardProblem(text.value, today);
  if (problem !== undefined) return { problem: IDENTITY_CARD_PROBLEMS[problem] ?? problem };
  return { value: normaliseIdentityCard(text.value) };
}

function readPhone(cell: CellContent | undefined): CellRead<string> {
  const text = readText(cell, 32);
  if (text.value === undefined) return text;
  const problem = phoneProblem(text.value);
  if (problem !== undefined) return { problem: PHONE_PROBLEMS[problem] ?? problem };
  return { value: normalisePhone(text.value) };
}

// Absent optional fields are left out rather than set to undefined: the applicant is stored as JSON.
const withoutEmpty = (fields: Partial<ApplicantInput>): Partial<ApplicantInput> =>
  Object.fromEntries(Object.entries(fields).filter(([, field]) => field !== undefined));
