import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CellValue } from 'exceljs';
import { buildWorkbook, identityCardNumber, ROSTER_HEADER } from '../../libs/spreadsheets/src/sheet-builder';

/**
 * Writes the docs' sample 报名 list and 笔试 scores of a fictional round: 20 applicants over 3
 * posts. Run from the repository root (`node -r @swc-node/register tools/rounds/make-samples.ts`);
 * the output is the same bytes on every run, so regenerating changes nothing unless this script does.
 *
 * The names are plainly made up (surname + 样 + a numeral) and the 身份证号 use region code 990101,
 * which no county has, with correct GB 11643 check characters: they pass validation and belong to nobody.
 */

const ROUND = '某县2024年考试录用公务员';
const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';
const NUMERALS = '一二三四五六七八九十';
const POSTS = [
  { code: 'P001', applicants: 8, major: '财务管理' },
  { code: 'P002', applicants: 5, major: '法学' },
  { code: 'P003', applicants: 7, major: '汉语言文学' },
];
const ABSENT_TICKETS = new Set(['2024010105', '2024010303']);
// JSZip stamps every entry of an .xlsx with the current time; this clock keeps the bytes stable.
const FIXED_TIME = new Date('2024-05-01T00:00:00Z');

interface SampleApplicant {
  ticket: string;
  postCode: string;
  name: string;
  gender: '男' | '女';
  birth: string;
  idCard: string;
  phone: string;
  major: string;
}

function sampleApplicants(): SampleApplicant[] {
  let index = 0;
  return POSTS.flatMap((post, postIndex) =>
    Array.from({ length: post.applicants }, (_, inPost) => {
      const gender = index % 3 === 1 ? '女' : '男';
      const birth = `${1994 + (index % 7)}${String((index % 12) + 1).padStart(2, '0')}${String((index % 27) + 1).padStart(2, '0')}`;
      // The 17th digit of a card number is odd for men and even for women.
      const sequence = `${String(index + 10).padStart(2, '0')}${gender === '男' ? 1 : 2}`;
      const applicant: SampleApplicant = {
        ticket: `202401${String(postIndex + 1).padStart(2, '0')}${String(inPost + 1).padStart(2, '0')}`,
        postCode: post.code,
        name: `${SURNAMES.charAt(index)}样${NUMERALS.charAt(inPost)}`,
        gender,
        birth,
        idCard: identityCardNumber('990101', birth, sequence),
        phone: `1390000${String(index + 1).padStart(4, '0')}`,
        major: post.major,
      };
      index++;
      return applicant;
    }),
  );
}

const rosterRow = (applicant: SampleApplicant, index: number): CellValue[] => [
  applicant.name,
  applicant.gender,
  '汉族',
  `${applicant.birth.slice(0, 4)}.${applicant.birth.slice(4, 6)}`,
  index % 4 === 0 ? '中共党员' : '共青团员',
  index % 5 === 0 ? '硕士研究生' : '大学本科',
  index % 5 === 0 ? '硕士' : '学士',
  '示例大学',
  applicant.major,
  null,
  applicant.ticket,
  applicant.idCard,
  applicant.phone,
  applicant.postCode,
];

// A fixed sequence rather than random numbers: scores between 60 and 89.5, in halves.
const writtenScore = (index: number): number => 60 + ((index * 37) % 60) / 2;

async function atFixedTime<T>(work: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  class FixedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(FIXED_TIME.getTime());
      else super(...(args as [string | number]));
    }
    static override now(): number {
      return FIXED_TIME.getTime();
    }
  }
  globalThis.Date = FixedDate as DateConstructor;
  try {
    return await work();
  } finally {
    globalThis.Date = RealDate;
  }
}

async function main(): Promise<void> {
  const outputDirectory = path.resolve(process.argv[2] ?? 'docs/samples');
  const applicants = sampleApplicants();
  const [roster, scores] = await atFixedTime(async () => [
    await buildWorkbook({
      name: '报名人员',
      rows: [[`${ROUND}报名人员名单`], ROSTER_HEADER, ...applicants.map(rosterRow)],
      textColumns: ['准考证号', '身份证号', '手机号'],
      widths: [10, 6, 8, 10, 10, 12, 8, 12, 12, 8, 14, 22, 14, 12],
    }),
    await buildWorkbook({
      name: '笔试成绩',
      rows: [
        [`${ROUND}笔试成绩`],
        ['序号', '姓名', '准考证号', '笔试成绩'],
        ...applicants.map((applicant, index) => [
          index + 1,
          applicant.name,
          applicant.ticket,
          ABSENT_TICKETS.has(applicant.ticket) ? '缺考' : writtenScore(index),
        ]),
      ],
      textColumns: ['准考证号'],
      widths: [6, 10, 14, 10],
    }),
  ]);
  await writeFile(path.join(outputDirectory, 'round-applicants.xlsx'), roster);
  await writeFile(path.join(outputDirectory, 'round-written-scores.xlsx'), scores);
  console.log(`Wrote ${applicants.length} applicants and their written scores to ${outputDirectory}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
