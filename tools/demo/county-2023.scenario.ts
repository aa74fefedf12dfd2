import { accepted, type ApiClient, approver, officer, secondOfficer } from '@talent/api-client';

/** Beijing-time instant of a date and hour: the office's calendar. */
const on = (date: string, hour = 10): string => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** The parts of a case's view (GET /cases/:id, and POST /cases's answer) the scenario reads. */
interface CaseView {
  caseId: string;
  stage: { id: string };
  state: { subsidy?: { committedCny: number } };
}

/**
 * The county's 2023 as its annual report tells it (county-talent-report-2023.zh.txt, 一(三)):
 * 「今年新招录公务员32人，校园直招教师8人，调入引进紧缺型人才10人」; 「同11位专家达成合作意向，
 * 其中聘任产业发展顾问6人、建立专家工作站4个、达成合作框架协议5个。截至目前，共申报成功专家基层
 * 科研工作站3个、院士专家工作站5个，2023年新建专家工作站12个」. Around them, what a real year has:
 * candidates who failed or withdrew, a workstation still under review, returning natives.
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

type Outcome = 'recruited' | 'failedWritten' | 'withdrawn' | 'failedAssessment';

async function recruitCivilServant(api: ApiClient, index: number, outcome: Outcome): Promise<void> {
  const caseId = await open(api, {
    kind: 'recruitment',
    channel: 'civil_servant',
    subject: { name: `公务员考生${index + 1}` },
    year: 2023,
    occurredAt: on(day(3, index)),
  });
  await api.stepAt(caseId, 'register', { post: '县直机关 一级科员' }, on(day(3, index), 11));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(3, index), 15));
  if (outcome === 'withdrawn') {
    await api.stepAt(caseId, 'withdraw', {}, on(day(4, index)), officer, '考生书面放弃');
    return;
  }
  const written = outcome === 'failedWritten' ? 'fail' : 'pass';
  await api.stepAt(
    caseId,
    'record',
    { outcome: written, score: written === 'pass' ? 72 + (index % 20) : 48 },
    on(day(4, index)),
  );
  if (outcome === 'failedWritten') return;
  await api.stepAt(caseId, 'record', { outcome: 'pass', score: 80 + (index % 15) }, on(day(5, index)));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(6, index)));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(6, index), 16), secondOfficer);
  // The 公示 was over before it was entered: the officer confirms it ran its course.
  await api.stepAt(caseId, 'confirmNoticeEnded', {}, on(day(7, index), 9));
  // 审批 by the municipal civil-service authority, recorded with its reply (批复).
  const reply = { replyNumber: `市公务员局复〔2023〕${index + 1}号`, replyDate: day(7, index) };
  await api.stepAt(caseId, 'approve', { opinion: '同意录用', ...reply }, on(day(7, index)), approver);
  await api.stepAt(caseId, 'report', { unit: '县直机关' }, on(day(8, index)));
}

/** A 事业编 post after 审批: 备案 the afternoon of the approval, 入编 the morning of 报到. */
async function establish(api: ApiClient, caseId: string, approvedOn: string, reportsOn: string, index: number) {
  const filing = { filingNumber: `县人社备〔2023〕${index + 1}号`, filingDate: approvedOn };
  await api.stepAt(caseId, 'recordFiling', filing, on(approvedOn, 15));
  await api.stepAt(caseId, 'recordEstablishment', { establishmentDate: reportsOn }, on(reportsOn, 9));
}

async function recruitCampusTeacher(api: ApiClient, index: number): Promise<void> {
  const caseId = await open(api, {
    kind: 'recruitment',
    channel: 'campus_teacher',
    subject: { name: `师范毕业生${index + 1}` },
    year: 2023,
    occurredAt: on(day(4, index)),
  });
  await api.stepAt(caseId, 'register', { post: '县属中小学 教师' }, on(day(4, index), 11));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(4, index), 15));
  await api.stepAt(caseId, 'record', { outcome: 'pass', score: 85 }, on(day(5, index)));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(6, index)));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(6, index), 16), secondOfficer);
  // The 公示 was over before it was entered: the officer confirms it ran its course.
  await api.stepAt(caseId, 'confirmNoticeEnded', {}, on(day(7, index), 9));
  await api.stepAt(caseId, 'approve', { opinion: '同意聘用' }, on(day(7, index)), approver);
  await establish(api, caseId, day(7, index), day(8, index), index);
  await api.stepAt(caseId, 'report', { unit: '县第一中学' }, on(day(8, index)));
}

async function introduceShortageTalent(api: ApiClient, index: number, outcome: Outcome): Promise<void> {
  const caseId = await open(api, {
    kind: 'recruitment',
    channel: 'shortage_talent',
    subject: { name: `紧缺型人才${index + 1}` },
    year: 2023,
    occurredAt: on(day(2, index)),
  });
  await api.waitFor<CaseView>(caseId, (view) => view.stage.id !== 'quotaReservation');
  await api.stepAt(caseId, 'register', { post: '县人民医院 医师' }, on(day(2, index), 11));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(2, index), 15));
  if (outcome === 'failedAssessment') {
    await api.stepAt(caseId, 'record', { outcome: 'fail', method: 'practical' }, on(day(3, index)));
    return;
  }
  await api.stepAt(caseId, 'record', { outcome: 'pass', method: 'performance_review' }, on(day(3, index)));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(4, index)));
  await api.stepAt(caseId, 'record', { outcome: 'pass' }, on(day(4, index), 16), secondOfficer);
  // The 公示 was over before it was entered: the officer confirms it ran its course.
  await api.stepAt(caseId, 'confirmNoticeEnded', {}, on(day(5, index), 9));
  await api.stepAt(caseId, 'approve', { opinion: '同意引进' }, on(day(5, index)), approver);
  await establish(api, caseId, day(5, index), day(6, index), index);
  await api.stepAt(caseId, 'report', { unit: '县人民医院' }, on(day(6, index)));
  const paying = await api.waitFor<CaseView>(caseId, (view) => (view.state.subsidy?.committedCny ?? 0) > 0);
  const half = paying.state.subsidy!.committedCny / 2;
  await api.stepAt(caseId, 'payInstalment', { amountCny: half }, on(day(7, index)));
  await api.stepAt(caseId, 'payInstalment', { amountCny: half }, on(day(12, index)));
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

export async function runCounty2023(api: ApiClient, width = 4): Promise<void> {
  // Failed shortage candidates first: their posts go back to the plan before the ten are filled.
  await inParallel(
    width,
    [0, 1].map((i) => () => introduceShortageTalent(api, 100 + i, 'failedAssessment')),
  );
  await inParallel(width, [
    ...Array.from({ length: 32 }, (_, i) => () => recruitCivilServant(api, i, 'recruited')),
    ...Array.from({ length: 4 }, (_, i) => () => recruitCivilServant(api, 32 + i, 'failedWritten')),
    ...Array.from({ length: 2 }, (_, i) => () => recruitCivilServant(api, 36 + i, 'withdrawn')),
    ...Array.from({ length: 8 }, (_, i) => () => recruitCampusTeacher(api, i)),
    ...Array.from({ length: 10 }, (_, i) => () => introduceShortageTalent(api, i, 'recruited')),
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
