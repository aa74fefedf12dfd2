import type { ChannelRoundFigures } from '@talent/projections';
import type { AnnualFigures } from '../statistics/annual-figures';
import { renderHtml, renderMarkdown } from './annual-report.renderer';

const noRounds: ChannelRoundFigures = {
  rounds: 0,
  posts: 0,
  places: 0,
  applicants: 0,
  applicantsPerPlace: null,
  hired: 0,
  substitutions: 0,
};
const civilServantRounds: ChannelRoundFigures = {
  rounds: 2,
  posts: 7,
  places: 32,
  applicants: 114,
  applicantsPerPlace: 3.56,
  hired: 30,
  substitutions: 4,
};
const teacherRounds: ChannelRoundFigures = { ...civilServantRounds, rounds: 1, posts: 3, places: 8, applicants: 16 };

const stats: AnnualFigures = {
  year: 2023,
  asOf: null,
  recruitment: {
    recruitedByChannel: { civil_servant: 32, campus_teacher: 8, shortage_talent: 10, high_level_talent: 0 },
    notHiredByOutcome: { rejected: 3, withdrawn: 2, disqualified: 1, appointmentCancelled: 0 },
    leftServiceEarlyByChannel: { shortage_talent: 0, high_level_talent: 0 },
    objections: 1,
  },
  quotas: {
    high_level_talent: { reserved: 0, released: 0, used: 0 },
    shortage_talent: { reserved: 12, released: 2, used: 10 },
  },
  fund: { committedCny: 500_000, disbursedCny: 300_000, releasedCny: 0, returnedCny: 0 },
  expertCooperation: {
    cooperationIntents: 11,
    consultantsAppointed: 6,
    agreementsSigned: 5,
    workstationsEstablished: { expert_workstation: 12, academician_workstation: 0, grassroots_research_workstation: 0 },
    workstationsCumulative: { expert_workstation: 12, academician_workstation: 5, grassroots_research_workstation: 3 },
  },
  returningTalents: { settled: 4, not_returning: 1, left_again: 1, withdrawn: 0, rejected: 0 },
  openCases: [{ kind: 'recruitment', stage: 'publicNotice', open: 3, overdue: 1 }],
  casesOpenedByMonth: [5, 3, 10, 0, 0, 2, 0, 0, 0, 0, 0, 1],
  rounds: {
    year: 2023,
    byChannel: {
      civil_servant: civilServantRounds,
      campus_teacher: teacherRounds,
      shortage_talent: noRounds,
      high_level_talent: noRounds,
    },
    total: {
      rounds: 3,
      posts: 10,
      places: 40,
      applicants: 130,
      applicantsPerPlace: 3.25,
      hired: 38,
      substitutions: 8,
    },
  },
};
const options = { countyName: 'XX县', stageLabels: { publicNotice: '公示' } };
const withoutLinks = (markdown: string) => markdown.replace(/\[(\d+)\]\([^)]*\)/g, '$1');

describe('the annual report', () => {
  it('reads like section 一(三) of the 2023 report, every number computed and linked', () => {
    const markdown = renderMarkdown(stats, options);

    expect(withoutLinks(markdown)).toContain('今年新招录公务员32人，校园直招教师8人，调入引进紧缺型人才10人');
    expect(withoutLinks(markdown)).toContain(
      '同11位专家达成合作意向，其中聘任产业发展顾问6人、达成合作框架协议5个。截至目前，共建成专家基层科研工作站3个、院士专家工作站5个，2023年新建专家工作站12个。',
    );
    expect(markdown).toContain('[32](/statistics/annual/2023/facts?metric=recruited&dimension=civil_servant)');
    expect(markdown).toContain('metric=workstations_established&dimension=academician_workstation&cumulative=true');
  });

  it('draws cases per stage and per month where a reader would rather look', () => {
    const markdown = renderMarkdown(stats, options);
    const html = renderHtml(stats, options);

    expect(markdown).toMatch(/引才·公示 █{30} 3/);
    expect(markdown).toMatch(/3月\s+█{30} 10/);
    expect(html).toContain('<svg role="img" aria-label="2023年每月新立案件"');
    expect(html).toContain(
      '<a href="/statistics/annual/2023/facts?metric=recruited&amp;dimension=civil_servant">32</a>',
    );
  });

  it('sums the year’s rounds where there were any, each figure linked to the list of rounds', () => {
    const markdown = renderMarkdown(stats, options);

    expect(withoutLinks(markdown)).toContain(
      '引进高层次人才0人。全年组织招录批次3批，设置职位10个、招录计划40名，报名130人，报录比3.25:1，递补8人。',
    );
    expect(markdown).toContain('招录计划[40](/rounds?year=2023)名');
    expect(renderHtml(stats, options)).toContain('报名<a href="/rounds?year=2023">130</a>人');
  });

  it('says nothing of rounds in a year without any, nor as of a past date', () => {
    const quiet = (rounds: AnnualFigures['rounds']) =>
      renderMarkdown({ ...stats, rounds }, options).includes('招录批次');

    expect(quiet(null)).toBe(false);
    expect(quiet({ ...stats.rounds!, total: noRounds })).toBe(false);
  });

  it('says when the figures stood, for an as-of report', () => {
    expect(renderMarkdown({ ...stats, asOf: '2023-12-31T15:59:59.999Z' }, options)).toContain(
      '数据截至 2023-12-31T15:59:59.999Z（按登记时间）',
    );
  });
});
