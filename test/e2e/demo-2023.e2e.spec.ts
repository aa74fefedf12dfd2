import { auditor } from '@talent/api-client';
import {
  compareRounds,
  compareWithReport,
  type Figures2023,
  runCounty2023,
} from '../../tools/demo/county-2023.scenario';
import { expectedRoundFigures } from '../../tools/demo/rounds-2023';
import { authHeaders } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('the county’s 2023, replayed through the api', () => {
  let stack: TestStack;

  beforeAll(async () => {
    // Facts of 2022–2024 entered now; each 转正 a year after 报到.
    stack = await startTestStack('demo2023', { BACKDATE_LIMIT_DAYS: '2000', CASE_DAY_SECONDS: '0.05' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('computes every figure of the report that the engine models, its recruits hired through rounds', async () => {
    await runCounty2023(stack.client);
    const api = stack.client;

    const figures = (await api.waitForStatistics(
      2023,
      (body) =>
        compareWithReport(body as Figures2023).every((row) => row.reported === row.computed) &&
        compareRounds(body as Figures2023).every((row) => row.entered === row.computed),
      30_000,
    )) as Figures2023;

    expect(compareWithReport(figures).filter((row) => row.reported !== row.computed)).toEqual([]);
    expect(figures.rounds!.total).toEqual({
      rounds: 3,
      posts: 13,
      places: 50,
      applicants: 153,
      applicantsPerPlace: 3.06,
      hired: 50,
      substitutions: 6,
    });
    expect(figures.rounds!.total).toMatchObject(expectedRoundFigures());
    expect(figures.rounds!.byChannel).toMatchObject({
      civil_servant: { rounds: 1, places: 32, applicants: 114, hired: 32, substitutions: 4 },
      campus_teacher: { rounds: 1, places: 8, applicants: 17, hired: 8, substitutions: 0 },
      shortage_talent: { rounds: 1, places: 10, applicants: 22, hired: 10, substitutions: 2 },
    });
    const report = await fetch(`${stack.baseUrl}/reports/annual/2023?format=md`, {
      headers: await authHeaders(stack.baseUrl, auditor),
    }).then((response) => response.text());
    expect(report.replace(/\[(\d+)\]\([^)]*\)/g, '$1')).toContain(
      '今年新招录公务员32人，校园直招教师8人，调入引进紧缺型人才10人，引进高层次人才0人。' +
        '全年组织招录批次3批，设置职位13个、招录计划50名，报名153人，报录比3.06:1，递补6人。',
    );
  }, 600_000);
});
