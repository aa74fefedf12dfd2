import { auditor } from '@talent/api-client';
import { compareWithReport, type Figures2023, runCounty2023 } from '../../tools/demo/county-2023.scenario';
import { authHeaders } from '../support/identities';
import { startTestStack, type TestStack } from '../support/test-stack';

describe('the county’s 2023, replayed through the api', () => {
  let stack: TestStack;

  beforeAll(async () => {
    stack = await startTestStack('demo2023', { BACKDATE_LIMIT_DAYS: '2000', CASE_DAY_SECONDS: '0.05' });
  });

  afterAll(async () => {
    await stack?.close();
  });

  it('computes every figure of the report that the engine models', async () => {
    await runCounty2023(stack.client);
    const api = stack.client;

    const figures = (await api.waitForStatistics(
      2023,
      (body) => compareWithReport(body as Figures2023).every((row) => row.reported === row.computed),
      30_000,
    )) as Figures2023;

    expect(compareWithReport(figures).filter((row) => row.reported !== row.computed)).toEqual([]);
    const report = await fetch(`${stack.baseUrl}/reports/annual/2023?format=md`, {
      headers: await authHeaders(stack.baseUrl, auditor),
    }).then((response) => response.text());
    expect(report.replace(/\[(\d+)\]\([^)]*\)/g, '$1')).toContain(
      '今年新招录公务员32人，校园直招教师8人，调入引进紧缺型人才10人',
    );
  }, 600_000);
});
