import type { MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, call } from '../api/client';
import { QueryFailure } from '../components/query-failure';
import type { Drill, Metric, Moment } from './statistics-data';

const FACTS_LINK = /^\/statistics\/annual\/\d{4}\/facts$/;

/** The body of the report the api renders: its own markup, every value escaped there. */
function reportBody(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

/**
 * 年度报告 as the office prints it (GET /reports/annual/:year). Its numbers link to the api's
 * facts; here they open the same drill-down as the page's figures, and its rounds link stays in
 * the console.
 */
export function AnnualReport({ moment, onDrill }: { moment: Moment; onDrill: (drill: Drill) => void }) {
  const navigate = useNavigate();
  const report = useQuery({
    queryKey: ['annual-report', moment.year, moment.asOf],
    queryFn: () =>
      call<string>(() =>
        api.GET('/reports/annual/{year}', {
          params: { path: { year: moment.year }, query: { asOf: moment.asOf } },
          parseAs: 'text',
        }),
      ).then(reportBody),
  });
  const follow = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!link || !href) return;
    event.preventDefault();
    const url = new URL(href, window.location.origin);
    if (!FACTS_LINK.test(url.pathname)) {
      void navigate(`${url.pathname}${url.search}`);
      return;
    }
    onDrill({
      metric: url.searchParams.get('metric') as Metric,
      dimension: url.searchParams.get('dimension') ?? undefined,
      cumulative: url.searchParams.get('cumulative') === 'true' || undefined,
      title: `报告数字 ${link.textContent ?? ''}`,
    });
  };
  return (
    <Card title="年度报告" loading={report.isPending}>
      {report.isError ? (
        <QueryFailure error={report.error} retry={() => void report.refetch()} />
      ) : (
        <div className="annual-report" onClick={follow} dangerouslySetInnerHTML={{ __html: report.data ?? '' }} />
      )}
    </Card>
  );
}
