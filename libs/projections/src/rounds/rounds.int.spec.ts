import { randomUUID } from 'node:crypto';
import type { Applicant, Post, RankedApplicant, RoundEvent, RoundTerms } from '@talent/domain';
import { type JsonObject, type NewEvent, PostgresEventStore } from '@talent/event-store';
import { createMigratedDatabase, type MigratedDatabase } from '../../../../test/support/migrated-database';
import { ProjectionRunner } from '../runtime/projection-runner';
import { RoundApplicantsQuery } from './round-applicants.query';
import { RoundDetailQuery } from './round-detail.query';
import { RoundFiguresQuery } from './round-figures.query';
import { RoundListQuery } from './round-list.query';
import { RoundListsQuery } from './round-lists.query';
import { roundsProjection } from './rounds.projection';

const officer = { actor: { id: 'officer-wang', role: 'hr_officer' } };
let day = 0;
/** Every fact a day after the previous one, in the office's time zone. */
const nextDay = () => new Date(Date.UTC(2023, 2, 1 + day++, 2));

const roundEvent = <E extends RoundEvent>(type: E['type'], data: E['data'], reason?: string): NewEvent => ({
  type,
  data: data as unknown as JsonObject,
  metadata: { ...officer, ...(reason && { reason }) },
  occurredAt: nextDay(),
});
const caseEvent = (type: string, data: JsonObject): NewEvent => ({
  type,
  data,
  metadata: officer,
  occurredAt: nextDay(),
});

const post = (code: string, unit: string, places: number): Post => ({ code, unit, title: '一级科员', places });
const terms = (overrides: Partial<RoundTerms>): RoundTerms => ({
  year: 2023,
  channel: 'civil_servant',
  title: '2023年度考试录用公务员',
  announcedOn: '2023-03-01',
  registrationOpensOn: '2023-03-05',
  registrationClosesOn: '2023-03-15',
  posts: [],
  method: 'exam',
  shortlistRatio: 3,
  weights: { written: 50, interview: 50 },
  tieRules: ['higher_written'],
  substitution: { maxPerPost: 2, untilStage: 'physicalExam' },
  ...overrides,
});
const applicant = (ticket: string, postCode: string, gender: '男' | '女' = '女'): Applicant => ({
  ticket,
  postCode,
  name: `考生${ticket}`,
  gender,
  education: '本科',
  idCardNumber: `pii:v1:card-${ticket}`,
  idCardKey: `key-${ticket}`,
  phone: `pii:v1:phone-${ticket}`,
});
const ranked = (ticket: string, written: number, interview: number, rank: number): RankedApplicant => ({
  ticket,
  written,
  interview,
  composite: (written + interview) / 2,
  rank,
});
const roundPlace = (roundId: string, postCode: string, ticket: string, rank: number) => ({
  roundId,
  postCode,
  ticket,
  rank,
});
const opened = (caseId: string, round?: JsonObject) =>
  caseEvent('CaseOpened', {
    caseId,
    kind: 'recruitment',
    channel: 'civil_servant',
    pipelineId: 'recruitment.civil_servant',
    pipelineVersion: 1,
    subject: { name: '某人' },
    year: 2023,
    divisionCode: '530000',
    ...(round && { round }),
  });
const entered = (...stages: string[]) =>
  stages.map((stage) => caseEvent('StageEntered', { stage, stageKind: 'check' }));
const closed = (outcome: string, result: string, lastStage: string) =>
  caseEvent('CaseClosed', { outcome, result, lastStage });

describe('the recruitment round read models', () => {
  let db: MigratedDatabase;
  let store: PostgresEventStore;
  const roundId = randomUUID();
  const teacherRoundId = randomUUID();
  const [caseA, caseB, caseC, caseD] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const append = (streamId: string, events: NewEvent[]) => store.append(streamId, 'any', events);
  const toRound = (events: NewEvent[]) => append(`round-${roundId}`, events);
  const catchUp = (batchSize: number) =>
    new ProjectionRunner(db.pool, store, roundsProjection, { batchSize }).catchUp();

  beforeAll(async () => {
    db = await createMigratedDatabase('rounds');
    store = new PostgresEventStore(db.pool);
    const p1 = ['t01', 't02', 't03', 't04', 't05', 't06', 't07', 't08'];
    const p2 = ['t11', 't12', 't13', 't14'];
    await toRound([
      roundEvent('RoundAnnounced', {
        roundId,
        divisionCode: '530000',
        terms: terms({ posts: [post('P1', '县财政局', 2), post('P2', '县教育局', 1)] }),
      }),
      roundEvent('PostTableApproved', { posts: 2, places: 3 }),
      ...[...p1.map((t) => applicant(t, 'P1')), ...p2.map((t) => applicant(t, 'P2', '男'))].map((a) =>
        roundEvent('ApplicantRegistered', { applicant: a, source: { importId: 'sha-1', row: 2 } }),
      ),
      ...[...p1, ...p2].map((ticket) =>
        ticket === 't08'
          ? roundEvent('QualificationReviewed', { ticket, outcome: 'fail' }, '学历不符合职位要求')
          : roundEvent('QualificationReviewed', { ticket, outcome: 'pass' }),
      ),
      roundEvent('ScoresRecorded', {
        exam: 'written',
        scores: [
          ...[80, 78, 76, 74, 72, 70].map((score, index) => ({ ticket: p1[index]!, score })),
          { ticket: 't07', score: null },
          ...[85, 85, 79, 60].map((score, index) => ({ ticket: p2[index]!, score })),
        ],
      }),
      roundEvent('ShortlistDrawn', { postCode: 'P1', ratio: 3, places: 2, cutoff: 70, tickets: p1.slice(0, 6) }),
      roundEvent('ShortlistDrawn', { postCode: 'P2', ratio: 3, places: 1, cutoff: 79, tickets: p2.slice(0, 3) }),
      roundEvent('ScoresRecorded', {
        exam: 'interview',
        scores: [
          ...[80, 84, 82, 70, 90, 60].map((score, index) => ({ ticket: p1[index]!, score })),
          ...[80, 80, 70].map((score, index) => ({ ticket: p2[index]!, score })),
        ],
      }),
      // 81 and 81: the higher written score puts t02 first.
      roundEvent('PostRanked', {
        postCode: 'P1',
        ranking: [
          ranked('t02', 78, 84, 1),
          ranked('t05', 72, 90, 2),
          ranked('t01', 80, 80, 3),
          ranked('t03', 76, 82, 4),
          ranked('t04', 74, 70, 5),
          ranked('t06', 70, 60, 6),
        ],
        unresolvedTies: [],
      }),
      roundEvent('PostRanked', {
        postCode: 'P2',
        ranking: [ranked('t11', 85, 80, 1), ranked('t12', 85, 80, 1), ranked('t13', 79, 70, 3)],
        unresolvedTies: [['t11', 't12']],
      }),
    ]);
    await append(`round-${teacherRoundId}`, [
      roundEvent('RoundAnnounced', {
        roundId: teacherRoundId,
        divisionCode: '530000',
        terms: terms({ channel: 'campus_teacher', title: '2023年校园直招教师', posts: [post('T1', '县一中', 2)] }),
      }),
    ]);
    await catchUp(7);
  });

  afterAll(async () => {
    await db?.close();
  });

  const applicants = () => new RoundApplicantsQuery(db.pool);

  it('shows ties the rules left to an officer', async () => {
    const ranking = (await applicants().rankingsOf(roundId)).get('P2') ?? [];

    expect(ranking.map(({ ticket, rank, tiePending }) => ({ ticket, rank, tiePending }))).toEqual([
      { ticket: 't11', rank: 1, tiePending: true },
      { ticket: 't12', rank: 1, tiePending: true },
      { ticket: 't13', rank: 3, tiePending: false },
    ]);
    expect((await new RoundDetailQuery(db.pool).get(roundId))?.posts[1]?.counts.tiesPending).toBe(2);
  });

  describe('once the candidates have gone through their cases', () => {
    beforeAll(async () => {
      await toRound([
        roundEvent('TieResolved', { postCode: 'P2', order: ['t12', 't11'] }, '抽签'),
        roundEvent('CandidateAdvanced', { postCode: 'P1', ticket: 't02', rank: 1, caseId: caseA }),
        roundEvent('CandidateAdvanced', { postCode: 'P1', ticket: 't05', rank: 2, caseId: caseB }),
        roundEvent('CandidateAdvanced', { postCode: 'P2', ticket: 't12', rank: 1, caseId: caseD }),
      ]);
      await append(`case-${caseA}`, [
        opened(caseA, roundPlace(roundId, 'P1', 't02', 1)),
        ...entered('physicalExam', 'inspection', 'publicNotice', 'approval', 'onboarding', 'probation'),
        closed('hired', 'success', 'probation'),
      ]);
      await append(`case-${caseB}`, [
        opened(caseB, roundPlace(roundId, 'P1', 't05', 2)),
        ...entered('physicalExam'),
        closed('not_passed', 'failure', 'physicalExam'),
      ]);
      await toRound([
        roundEvent('CandidateSubstituted', {
          postCode: 'P1',
          replaced: { ticket: 't05', caseId: caseB, lastStage: 'physicalExam', outcome: 'not_passed' },
          ticket: 't01',
          rank: 3,
          caseId: caseC,
          number: 1,
        }),
      ]);
      // Opened before cases carried their round: the 递补 event links it.
      await append(`case-${caseC}`, [
        opened(caseC),
        ...entered('physicalExam', 'inspection'),
        closed('not_passed', 'failure', 'inspection'),
      ]);
      await append(`case-${caseD}`, [
        opened(caseD, roundPlace(roundId, 'P2', 't12', 1)),
        ...entered('physicalExam', 'inspection', 'publicNotice', 'approval', 'onboarding', 'probation'),
        closed('hired', 'success', 'probation'),
      ]);
      await append(`case-${randomUUID()}`, [opened(randomUUID()), ...entered('application')]);
      await toRound([roundEvent('RoundClosed', { filled: 2, unfilled: 1, releasedHolders: [] })]);
      await catchUp(3);
    });

    it('counts each post from its roster and its candidates’ cases', async () => {
      const detail = (await new RoundDetailQuery(db.pool).get(roundId))!;

      expect(detail.posts.map(({ postCode, cutoff, counts }) => ({ postCode, cutoff, ...counts }))).toEqual([
        {
          postCode: 'P1',
          cutoff: 70,
          applicants: 8,
          reviewed: 8,
          qualified: 7,
          writtenPresent: 6,
          interviewPresent: 6,
          assessmentPresent: 0,
          shortlisted: 6,
          scored: 6,
          ranked: 6,
          tiesPending: 0,
          advanced: 3,
          physicalExamPassed: 2,
          physicalExamFailed: 1,
          inspectionPassed: 1,
          inspectionFailed: 1,
          inProgress: 0,
          hired: 1,
          droppedOut: 2,
          substitutions: 1,
        },
        {
          postCode: 'P2',
          cutoff: 79,
          applicants: 4,
          reviewed: 4,
          qualified: 4,
          writtenPresent: 4,
          interviewPresent: 3,
          assessmentPresent: 0,
          shortlisted: 3,
          scored: 4,
          ranked: 3,
          tiesPending: 0,
          advanced: 1,
          physicalExamPassed: 1,
          physicalExamFailed: 0,
          inspectionPassed: 1,
          inspectionFailed: 0,
          inProgress: 0,
          hired: 1,
          droppedOut: 0,
          substitutions: 0,
        },
      ]);
      expect(detail.posts.map((p) => [p.figures.applicantsPerPlace, p.figures.placesUnfilled])).toEqual([
        [4, 1],
        [4, 0],
      ]);
    });

    it('reports the round’s 报录比, stage rates, places and 递补', async () => {
      const detail = (await new RoundDetailQuery(db.pool).get(roundId))!;

      expect(detail.round).toMatchObject({
        status: 'closed',
        channel: 'civil_servant',
        postCount: 2,
        places: 3,
        applicants: 12,
        applicantsPerPlace: 4,
        hired: 2,
        substitutions: 1,
        announcedOn: '2023-03-01',
      });
      expect(detail.round.terms).not.toHaveProperty('posts');
      expect(detail.figures).toEqual({
        applicantsPerPlace: 4,
        stageRates: {
          qualificationReview: { label: '资格审查通过率', of: 12, passed: 11, rate: 0.9167 },
          writtenExam: { label: '笔试参考率', of: 11, passed: 10, rate: 0.9091 },
          interview: { label: '面试参考率', of: 9, passed: 9, rate: 1 },
          assessment: { label: '考核参考率', of: 11, passed: 0, rate: 0 },
          physicalExam: { label: '体检合格率', of: 4, passed: 3, rate: 0.75 },
          inspection: { label: '考察合格率', of: 3, passed: 2, rate: 0.6667 },
        },
        placesFilled: 2,
        placesUnfilled: 1,
        substitutions: 1,
      });
      expect(await new RoundDetailQuery(db.pool).get(randomUUID())).toBeUndefined();
    });

    it('orders the roster by post, rank and ticket, page after page', async () => {
      const tickets: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await applicants().page(roundId, { limit: 5, ...(cursor && { cursor }) });
        tickets.push(...page.items.map((item) => item.ticket));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);

      expect(tickets).toEqual(['t02', 't05', 't01', 't03', 't04', 't06', 't07', 't08', 't12', 't11', 't13', 't14']);
      const failed = await applicants().page(roundId, { qualification: 'fail', limit: 10 });
      expect(failed.items.map(({ ticket, qualificationReason }) => ({ ticket, qualificationReason }))).toEqual([
        { ticket: 't08', qualificationReason: '学历不符合职位要求' },
      ]);
      const absent = await applicants().page(roundId, { postCode: 'P1', ranked: false, limit: 10 });
      expect(absent.items.map(({ ticket, writtenAbsent }) => ({ ticket, writtenAbsent }))).toEqual([
        { ticket: 't07', writtenAbsent: true },
        { ticket: 't08', writtenAbsent: false },
      ]);
      await expect(applicants().page(roundId, { limit: 5, cursor: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({
        code: 'INVALID_PAYLOAD',
      });
    });

    it('keeps each post’s ranking with the officer’s order of a tie, and where each candidate stands', async () => {
      const rankings = await applicants().rankingsOf(roundId);
      expect([...rankings.keys()]).toEqual(['P1', 'P2']);
      const p1 = rankings.get('P1')!;
      const p2 = rankings.get('P2')!;

      expect(p1.map(({ ticket, rank, composite }) => [ticket, rank, composite])).toEqual([
        ['t02', 1, 81],
        ['t05', 2, 81],
        ['t01', 3, 80],
        ['t03', 4, 79],
        ['t04', 5, 72],
        ['t06', 6, 65],
      ]);
      expect(p2.map(({ ticket, rank, tiePending }) => [ticket, rank, tiePending])).toEqual([
        ['t12', 1, false],
        ['t11', 2, false],
        ['t13', 3, false],
      ]);
      expect(
        p1.slice(0, 3).map(({ caseId, caseStage, furthestStage, caseResult, substituteNumber, replaced }) => ({
          caseId,
          caseStage,
          furthestStage,
          caseResult,
          substituteNumber,
          replaced,
        })),
      ).toEqual([
        {
          caseId: caseA,
          caseStage: 'probation',
          furthestStage: 'probation',
          caseResult: 'success',
          substituteNumber: null,
          replaced: false,
        },
        {
          caseId: caseB,
          caseStage: 'physicalExam',
          furthestStage: 'physicalExam',
          caseResult: 'failure',
          substituteNumber: null,
          replaced: true,
        },
        {
          caseId: caseC,
          caseStage: 'inspection',
          furthestStage: 'inspection',
          caseResult: 'failure',
          substituteNumber: 1,
          replaced: false,
        },
      ]);
    });

    it('draws up the 面试, 体检, 考察 and 拟录用 lists', async () => {
      const lists = new RoundListsQuery(db.pool);
      const names = async (list: Parameters<RoundListsQuery['nameList']>[1]) =>
        (await lists.nameList(roundId, list)).map((row) => `${row.postCode}:${row.ticket}`);

      expect(await names('interview')).toEqual([
        ...['t02', 't05', 't01', 't03', 't04', 't06'].map((t) => `P1:${t}`),
        ...['t12', 't11', 't13'].map((t) => `P2:${t}`),
      ]);
      expect(await names('physicalExam')).toEqual(['P1:t02', 'P1:t05', 'P1:t01', 'P2:t12']);
      expect(await names('inspection')).toEqual(['P1:t02', 'P1:t01', 'P2:t12']);
      expect(await names('proposedHires')).toEqual(['P1:t02', 'P2:t12']);
      expect((await lists.nameList(roundId, 'proposedHires'))[0]).toEqual({
        postCode: 'P1',
        unit: '县财政局',
        postTitle: '一级科员',
        name: '考生t02',
        gender: '女',
        ticket: 't02',
        written: 78,
        interview: 84,
        assessment: null,
        composite: 81,
        rank: 1,
        substituteNumber: null,
      });
      await expect(lists.nameList(roundId, 'everyone' as 'interview')).rejects.toMatchObject({
        code: 'INVALID_PAYLOAD',
      });
    });

    it('keeps no personal number, not even encrypted', async () => {
      const { rows } = await db.pool.query('SELECT * FROM round_applicants');

      expect(rows).toHaveLength(12);
      expect(JSON.stringify(rows)).not.toContain('pii:');
    });

    it('lists the rounds newest first and sums a year per channel', async () => {
      const list = new RoundListQuery(db.pool);
      const first = await list.page({ year: 2023, limit: 1 });
      const second = await list.page({ year: 2023, limit: 1, cursor: first.nextCursor! });

      expect([...first.items, ...second.items].map((item) => [item.title, item.status])).toEqual([
        ['2023年校园直招教师', 'announced'],
        ['2023年度考试录用公务员', 'closed'],
      ]);
      expect(second.nextCursor).toBeNull();
      expect((await list.page({ status: 'closed', limit: 10 })).items.map((item) => item.roundId)).toEqual([roundId]);
      // A search box's words, in the title or the id; a % is a character like any other.
      expect((await list.page({ text: '公务员', limit: 10 })).items.map((item) => item.roundId)).toEqual([roundId]);
      expect((await list.page({ text: roundId.slice(2, 8), limit: 10 })).items.map((item) => item.roundId)).toEqual([
        roundId,
      ]);
      expect((await list.page({ text: '%', limit: 10 })).items).toEqual([]);

      const figures = await new RoundFiguresQuery(db.pool).ofYear(2023);
      expect(figures.byChannel.civil_servant).toEqual({
        rounds: 1,
        posts: 2,
        places: 3,
        applicants: 12,
        applicantsPerPlace: 4,
        hired: 2,
        substitutions: 1,
      });
      expect(figures.byChannel.shortage_talent.rounds).toBe(0);
      expect(figures.total).toEqual({
        rounds: 2,
        posts: 3,
        places: 5,
        applicants: 12,
        applicantsPerPlace: 2.4,
        hired: 2,
        substitutions: 1,
      });
    });

    it('rebuilds into tables equal to the incrementally built ones', async () => {
      const snapshot = async () =>
        Promise.all(
          [
            'SELECT * FROM round_list ORDER BY round_id',
            'SELECT * FROM round_posts ORDER BY round_id, post_code',
            'SELECT * FROM round_applicants ORDER BY round_id, ticket',
          ].map(async (sql) => (await db.pool.query(sql)).rows),
        );
      const incremental = await snapshot();

      await new ProjectionRunner(db.pool, store, roundsProjection, { batchSize: 100 }).rebuild();

      expect(await snapshot()).toEqual(incremental);
    });
  });
});
