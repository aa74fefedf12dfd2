/** One person in the 拟录用人员公示. */
export interface NoticePerson {
  postCode: string;
  /** 招录单位. */
  unit: string;
  /** 职位名称. */
  postTitle: string;
  name: string;
  gender: '男' | '女';
  ticket: string;
  /** 综合成绩, published to two decimals. */
  composite: number;
  /** 名次 within the post. */
  rank: number;
  /** 学历 and 毕业院校: printed as columns when any person has them. */
  education?: string;
  school?: string;
}

/** Everything the 公示 says; the county, the dates and the contact all come from the round and its office. */
export interface HiringNotice {
  /** E.g. 某县2024年考试录用公务员: the title adds 拟录用人员公示. */
  roundTitle: string;
  /** E.g. 《公务员录用规定》等有关规定. */
  basis: string;
  /** The procedures behind the list, in order, e.g. 笔试, 面试, 体检, 考察. */
  procedures: string[];
  people: NoticePerson[];
  /** Office dates (YYYY-MM-DD) and the length as the pipeline counts it, e.g. 5个工作日. */
  period: { startsOn: string; endsOn: string; length: string };
  /** The 受理 line as the office words it: who receives objections, how, and a telephone number. */
  contact: string;
  office: string;
  /** Office date (YYYY-MM-DD) of issue. */
  issuedOn: string;
}

interface NoticeColumn {
  header: string;
  text: (person: NoticePerson) => string | undefined;
}

const COLUMNS: NoticeColumn[] = [
  { header: '职位代码', text: (person) => person.postCode },
  { header: '招录单位', text: (person) => person.unit },
  { header: '职位名称', text: (person) => person.postTitle },
  { header: '姓名', text: (person) => person.name },
  { header: '性别', text: (person) => person.gender },
  { header: '学历', text: (person) => person.education },
  { header: '毕业院校', text: (person) => person.school },
  { header: '准考证号', text: (person) => person.ticket },
  { header: '综合成绩', text: (person) => person.composite.toFixed(2) },
  { header: '名次', text: (person) => String(person.rank) },
];

/**
 * The 公示 of a round's 拟录用人员 as plain text ready to publish. The table's cells are separated
 * by tabs, so that pasting it into Word or a web editor's table keeps the columns.
 */
export function renderNoticeText(notice: HiringNotice): string {
  if (notice.people.length === 0) throw new Error('A 公示 needs at least one person');
  const columns = COLUMNS.filter((column) => notice.people.some((person) => column.text(person) !== undefined));
  const table = [
    columns.map((column) => column.header),
    ...notice.people.map((person) => columns.map((column) => column.text(person) ?? '')),
  ].map((cells) => cells.join('\t'));

  const { startsOn, endsOn, length } = notice.period;
  return [
    `${notice.roundTitle}拟录用人员公示`,
    '',
    `根据${notice.basis}，经${listed(notice.procedures)}等程序，确定${notice.roundTitle}拟录用人员${notice.people.length}名，现予以公示。`,
    '',
    ...table,
    '',
    `公示时间：${chineseDate(startsOn)}至${chineseDate(endsOn)}（${length}）`,
    notice.contact,
    '',
    notice.office,
    chineseDate(notice.issuedOn),
    '',
  ].join('\n');
}

// 笔试、面试、体检和考察: a 顿号 between items and 和 before the last, as announcements write a series.
const listed = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;

/** 2024-07-01 → 2024年7月1日. */
export function chineseDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new Error(`Expected an office date as YYYY-MM-DD, got "${isoDate}"`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
