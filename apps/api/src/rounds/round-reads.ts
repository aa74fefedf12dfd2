import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Pool } from 'pg';
import { lastNoticeDay } from '@talent/activities';
import { DomainError, officeDate } from '@talent/domain';
import { APP_CONFIG, type AppConfig, PG_POOL } from '@talent/platform';
import {
  type NameListRow,
  ROUND_NAME_LISTS,
  RoundApplicantsQuery,
  RoundDetailQuery,
  RoundListQuery,
  RoundListsQuery,
  type RoundNameList,
} from '@talent/projections';
import { renderNoticeText, writeNameList } from '@talent/spreadsheets';
import type { ListRoundsQuery, NoticeQuery, RoundApplicantsQueryDto } from './dto/round-queries.dto';

export const NAME_LISTS = Object.keys(ROUND_NAME_LISTS) as RoundNameList[];

const DEFAULT_PAGE = 50;

/** What a column of a printed 名单 shows, by list: 面试名单 has no 综合成绩 yet. */
const COLUMNS = {
  post: [
    { header: '职位代码', key: 'postCode', width: 12 },
    { header: '招录单位', key: 'unit', width: 28 },
    { header: '职位名称', key: 'postTitle', width: 16 },
  ],
  person: [
    { header: '姓名', key: 'name', width: 10 },
    { header: '性别', key: 'gender', width: 6 },
    { header: '准考证号', key: 'ticket', width: 18 },
  ],
  written: [{ header: '笔试成绩', key: 'written', width: 10 }],
  ranked: [
    { header: '面试成绩', key: 'interview', width: 10 },
    { header: '考核成绩', key: 'assessment', width: 10 },
    { header: '综合成绩', key: 'composite', width: 10 },
    { header: '名次', key: 'rank', width: 6 },
    { header: '备注', key: 'remark', width: 12 },
  ],
};

/**
 * The read side of rounds, from their read models: lists, a round with its figures, its roster
 * page by page, and the 名单 and 公示 an office prints. Eventually consistent with the workflows,
 * as every read of this api is.
 */
@Injectable()
export class RoundReads {
  private readonly roundList: RoundListQuery;
  private readonly rounds: RoundDetailQuery;
  private readonly applicantPages: RoundApplicantsQuery;
  private readonly nameLists: RoundListsQuery;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.roundList = new RoundListQuery(pool);
    this.rounds = new RoundDetailQuery(pool);
    this.applicantPages = new RoundApplicantsQuery(pool);
    this.nameLists = new RoundListsQuery(pool);
  }

  list(query: ListRoundsQuery) {
    return this.roundList.page({
      ...(query.year !== undefined && { year: query.year }),
      ...(query.channel && { channel: query.channel }),
      ...(query.status && { status: query.status }),
      ...(query.text && { text: query.text }),
      ...(query.cursor && { cursor: query.cursor }),
      divisionCode: this.config.DIVISION_CODE,
      limit: query.limit ?? DEFAULT_PAGE,
    });
  }

  /** The round with each post's ranking as far as it has got. */
  async detail(roundId: string) {
    const detail = await this.rounds.get(roundId);
    if (!detail) throw new NotFoundException(`No round ${roundId}`);
    const rankings = await this.applicantPages.rankingsOf(roundId);
    return {
      ...detail,
      rankings: Object.fromEntries(detail.posts.map((post) => [post.postCode, rankings.get(post.postCode) ?? []])),
    };
  }

  applicants(roundId: string, query: RoundApplicantsQueryDto) {
    return this.applicantPages.page(roundId, {
      ...(query.postCode && { postCode: query.postCode }),
      ...(query.cursor && { cursor: query.cursor }),
      limit: query.limit ?? DEFAULT_PAGE,
    });
  }

  async nameListFile(roundId: string, list: string): Promise<{ file: Buffer; filename: string }> {
    if (!(NAME_LISTS as string[]).includes(list)) {
      throw new NotFoundException(`No 名单 "${list}"; the lists are ${NAME_LISTS.join(', ')}`);
    }
    const kind = list as RoundNameList;
    const { round } = await this.requireRound(roundId);
    const rows = await this.nameLists.nameList(roundId, kind);
    const title = `${round.title}${ROUND_NAME_LISTS[kind]}`;
    const columns = [
      ...COLUMNS.post,
      ...COLUMNS.person,
      ...(round.method === 'exam' ? COLUMNS.written : []),
      ...(kind === 'interview'
        ? []
        : COLUMNS.ranked.filter((column) => column.key !== (round.method === 'exam' ? 'assessment' : 'interview'))),
    ];
    const file = await writeNameList({ title, columns, rows: rows.map(printable), sheetName: ROUND_NAME_LISTS[kind] });
    return { file, filename: `${title}.xlsx` };
  }

  /** The 公示 of the round's proposed hires, from `startsOn` for the channel's notice period. */
  async noticeText(roundId: string, query: NoticeQuery): Promise<string> {
    const { round } = await this.requireRound(roundId);
    const people = await this.nameLists.nameList(roundId, 'proposedHires');
    if (people.length === 0) {
      throw new DomainError(
        'ROUND_STEP_OUT_OF_ORDER',
        'Nobody of this round has reached 公示 yet; there is nothing to publish.',
      );
    }
    const startsOn = query.startsOn ?? officeDate(new Date());
    // 公务员: 不少于5个工作日; 事业单位 and introduced talents: 7 working days as most counties set it.
    const workingDays = round.channel === 'civil_servant' ? 5 : 7;
    const calendar = { extraHolidays: this.config.LOCAL_HOLIDAYS, extraWorkdays: this.config.LOCAL_WORKDAYS };
    const endsOn = lastNoticeDay(new Date(`${startsOn}T12:00:00+08:00`), workingDays, calendar);
    return renderNoticeText({
      roundTitle: round.title.replace(/公告$/, ''),
      basis: round.channel === 'civil_servant' ? '《公务员录用规定》等有关规定' : '事业单位公开招聘有关规定',
      procedures: round.method === 'exam' ? ['笔试', '面试', '体检', '考察'] : ['考核', '体检', '考察'],
      people: people.map((person) => ({
        postCode: person.postCode,
        unit: person.unit,
        postTitle: person.postTitle,
        name: person.name,
        gender: person.gender as '男' | '女',
        ticket: person.ticket,
        composite: person.composite ?? 0,
        rank: person.rank ?? 0,
      })),
      period: { startsOn, endsOn, length: `${workingDays}个工作日` },
      contact: query.contact ?? `公示期间如有异议，请向${this.config.COUNTY_NAME}人才工作领导小组办公室反映。`,
      office: query.office ?? `${this.config.COUNTY_NAME}人才工作领导小组办公室`,
      issuedOn: startsOn,
    });
  }

  private async requireRound(roundId: string) {
    const detail = await this.rounds.get(roundId);
    if (!detail) throw new NotFoundException(`No round ${roundId}`);
    return detail;
  }
}

function printable(row: NameListRow): Record<string, string | number | null> {
  return {
    ...row,
    remark: row.substituteNumber === null ? null : `第${row.substituteNumber}次递补`,
  };
}
