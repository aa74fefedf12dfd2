import { accepted, type ApiClient } from '@talent/api-client';
import { on } from './candidate-case';
import { roundTasks } from './recruitment-round';
import { expectedRoundFigures, ROUNDS_2023 } from './rounds-2023';

/** The part of a case's view (POST /cases's answer) the scenario reads. */
interface CaseView {
  caseId: string;
}

/**
 * The county's 2023 as its annual report tells it (county-talent-report-2023.zh.txt, 一(三)):
 * 「今年新招录公务员32人，校园直招教师8人，调入引进紧缺型人才10人」; 「同11位专家达成合作意向，
 * 其中聘任产业发展顾问6人、建立专家工作站4个、达成合作框架协议5个。截至目前，共申报成功专家基层
 * 科研工作站3个、院士专家工作站5个，2023年新建专家工作站12个」. Around them, what a real year has:
 * the recruits hired through three rounds (招录批次) with candidates who failed 体检 or 考察 or
 * withdrew and were replaced (递补), a workstation still under review, returning natives.
 */
export const REPORTED_2023 = {
  recruitedByChannel: { civil_servant: 32, campus_teacher: 8, shortage_talent: 10 },
  cooperationIntents: 11,
  consultantsAppointed: 6,
  agreementsSigned: 5,
  newWorkstations: 12,
  cumulative: { grassroots_research_workstation: 3, academician_workstation: 5 },
};

const pad = (n: number) => String(n).padStart(2, '0');
/** A date in 2023 spread over a season, so cases do not all move on one day. */
const day = (month: number, index: number) => `2023-${pad(month)}-${pad(1 + (index % 27))}`;

/** Opens a case, stopping the run with the api's answer unless it was opened. */
async function open(api: ApiClient, body: object): Promise<string> {
  return (await accepted<CaseView>(api.open(body), 'open')).caseId;
}

type WorkstationType = 'expert_workstation' | 'academician_workstation' | 'grassroots_research_workstation';

/** A workstation from intent to 挂牌; `intentYear` 2022 for those approved in 2023 after a 2022 start. */
async function buildWorkstation(
  api: ApiClient,
  index: number,
  type: WorkstationType,
  intentYear: 2022 | 2023,
  namedIn2023: boolean,
): Promise<void> {
  const start = (month: number, hour = 10) => on(`${intentYear}-${pad(month)}-${pad(1 + (index % 27))}`, hour);
  const caseId = await open(api, {
    kind: 'expert_workstation',
    workstationType: type,
    subject: { name: `合作专家团队${index + 1}` },
    year: intentYear,
    occurredAt: start(1),
  });
  await api.stepAt(caseId, 'recordIntent', { outcome: 'workstation', expertField: '绿色硅材' }, start(1, 15));
  await api.stepAt(caseId, 'signAgreement', { hostUnit: '县职业高级中学' }, start(3));
  await api.stepAt(caseId, 'submitApplication', {}, start(4));
  if (!namedIn2023) return;
  await api.stepAt(caseId, 'recordDecision', { outcome: 'approved', authority: '省科协' }, on(day(5, index)));
  await api.stepAt(caseId, 'name', { namedOn: day(6, index) }, on(day(6, index)));
}

async function appointConsultant(api: ApiClient, index: number): Promise<void> {
  const caseId = await open(api, {
    kind: 'expert_workstation',
    workstationType: 'expert_workstation',
    subject: { name: `产业专家${index + 1}` },
    year: 2023,
    occurredAt: on(day(2, index)),
  });
  await api.stepAt(caseId, 'recordIntent', { outcome: 'consultant', expertField: '玉石加工' }, on(day(2, index), 15));
  await api.stepAt(caseId, 'appoint', { industry: '珠宝玉石' }, on(day(3, index)));
}

async function bringHomeNative(
  api: ApiClient,
  index: number,
  outcome: 'settled' | 'unwilling' | 'following',
): Promise<void> {
  const caseId = await open(api, {
    kind: 'returning_talent',
    subject: { name: `XX籍人才${index + 1}` },
    year: 2023,
    occurredAt: on(day(3, index)),
  });
  await api.stepAt(caseId, 'contact', { channel: 'township_party_branch' }, on(day(3, index), 15));
  if (outcome === 'unwilling') {
    await api.stepAt(caseId, 'recordIntent', { outcome: 'unwilling' }, on(day(4, index)));
    return;
  }
  await api.stepAt(caseId, 'recordIntent', { outcome: 'willing' }, on(day(4, index)));
  await api.stepAt(caseId, 'recordPlacement', { outcome: 'business', unit: '咖啡种植合作社' }, on(day(5, index)));
  if (outcome === 'settled') await api.stepAt(caseId, 'checkIn', { outcome: 'settled' }, on(day(11, index)));
}

/** Runs `tasks` with at most `width` in flight: an office of several officers working at once. */
async function inParallel(width: number, tasks: Array<() => Promise<void>>): Promise<void> {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let task = queue.shift(); task; task = queue.shift()) await task();
    }),
  );
}

/**
 * Hires and drop-outs in an order no office would plan: the rounds hold their places, so a
 * candidate who fails 体检 or 考察 may come before, after or between the hires of the same post.
 */
const shuffled = <T>(items: T[]): T[] =>
  items
    .map((item, index) => ({ item, key: (index * 17) % items.length }))
    .sort((a, b) => a.key - b.key)
    .map(({ item }) => item);

export async function runCounty2023(api: ApiClient, width = 4): Promise<void> {
  const candidates = await roundTasks(api, ROUNDS_2023);
  await inParallel(width, [
    ...shuffled(candidates),
    ...Array.from({ length: 6 }, (_, i) => () => appointConsultant(api, i)),
    // Five workstation intents of 2023: five agreements, four established, one still under review.
    ...Array.from({ length: 4 }, (_, i) => () => buildWorkstation(api, i, 'expert_workstation', 2023, true)),
    () => buildWorkstation(api, 4, 'expert_workstation', 2023, false),
    // Begun in 2022, approved and named in 2023: the county's first grassroots and academician stations.
    ...Array.from(
      { length: 3 },
      (_, i) => () => buildWorkstation(api, 10 + i, 'grassroots_research_workstation', 2022, true),
    ),
    ...Array.from({ length: 5 }, (_, i) => () => buildWorkstation(api, 20 + i, 'academician_workstation', 2022, true)),
    ...Array.from({ length: 3 }, (_, i) => () => bringHomeNative(api, i, 'settled')),
    () => bringHomeNative(api, 3, 'unwilling'),
    () => bringHomeNative(api, 4, 'following'),
  ]);
}

/** The parts of GET /statistics/annual/:year the comparison reads. */
export interface Figures2023 {
  recruitment: { recruitedByChannel: Record<string, number> };
  rounds: {
    byChannel: Record<string, ReturnType<typeof expectedRoundFigures>>;
    total: ReturnType<typeof expectedRoundFigures>;
  } | null;
  expertCooperation: {
    cooperationIntents: number;
    consultantsAppointed: number;
    agreementsSigned: number;
    workstationsEstablished: Record<string, number>;
    workstationsCumulative: Record<string, number>;
  };
}

/** Each figure the report states beside what the engine computed from events. */
export function compareWithReport(figures: Figures2023): Array<{ figure: string; reported: number; computed: number }> {
  const experts = figures.expertCooperation;
  const established = Object.values(experts.workstationsEstablished).reduce((sum, value) => sum + value, 0);
  return [
    ...Object.entries(REPORTED_2023.recruitedByChannel).map(([channel, reported]) => ({
      figure: `新招录 ${channel}`,
      reported,
      computed: figures.recruitment.recruitedByChannel[channel] ?? 0,
    })),
    { figure: '达成合作意向的专家', reported: REPORTED_2023.cooperationIntents, computed: experts.cooperationIntents },
    {
      figure: '聘任产业发展顾问',
      reported: REPORTED_2023.consultantsAppointed,
      computed: experts.consultantsAppointed,
    },
    { figure: '合作框架协议', reported: REPORTED_2023.agreementsSigned, computed: experts.agreementsSigned },
    { figure: '2023年新建专家工作站', reported: REPORTED_2023.newWorkstations, computed: established },
    ...Object.entries(REPORTED_2023.cumulative).map(([type, reported]) => ({
      figure: `截至目前 ${type}`,
      reported,
      computed: experts.workstationsCumulative[type] ?? 0,
    })),
  ];
}

const ROUND_FIGURE_LABELS: Record<keyof ReturnType<typeof expectedRoundFigures>, string> = {
  rounds: '招录批次',
  posts: '职位',
  places: '招录计划',
  applicants: '报名',
  hired: '录用（转正）',
  substitutions: '递补',
};

/** The year's rounds in figures beside what the demo entered: not in the published report, which predates rounds. */
export function compareRounds(figures: Figures2023): Array<{ figure: string; entered: number; computed: number }> {
  const expected = expectedRoundFigures();
  return (Object.keys(ROUND_FIGURE_LABELS) as Array<keyof typeof expected>).map((key) => ({
    figure: ROUND_FIGURE_LABELS[key],
    entered: expected[key],
    computed: figures.rounds?.total[key] ?? 0,
  }));
}
