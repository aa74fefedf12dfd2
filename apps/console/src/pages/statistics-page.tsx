import { useState } from 'react';
import { Alert, Card, Col, DatePicker, Form, InputNumber, Row, Space } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { QueryFailure } from '../components/query-failure';
import { CasesOpenedChart, OpenCasesChart, RecruitsByMonthChart, StageDurationsCard } from './statistics-charts';
import { type Drill, type Moment, useAnnualFigures } from './statistics-data';
import { FactsDrawer } from './statistics-facts';
import { KeyFigures, Ledgers, OtherFigures } from './statistics-ledgers';
import { AnnualReport } from './statistics-report';

const DAY = 'YYYY-MM-DD';

/** The year and the asOf date live in the address, so a view of the figures can be shared and reloaded. */
function useMoment(): [Moment, (next: Moment) => void] {
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const asOf = params.get('asOf') ?? undefined;
  const set = (next: Moment) =>
    setParams({ year: String(next.year), ...(next.asOf && { asOf: next.asOf }) }, { replace: true });
  return [{ year, asOf }, set];
}

/** 统计分析: the year's figures, charts, ledgers and report; every figure opens the events it counts. */
export function StatisticsPage() {
  const [moment, setMoment] = useMoment();
  const [drill, setDrill] = useState<Drill>();
  const figures = useAnnualFigures(moment);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title="统计分析">
        <Form layout="inline">
          <Form.Item label="年度">
            <InputNumber
              aria-label="年度"
              min={2000}
              max={2100}
              value={moment.year}
              onChange={(year) => year && setMoment({ ...moment, year })}
            />
          </Form.Item>
          <Form.Item label="截至日期" extra="按当日结束时已登记的事件统计；不选则为目前全部登记">
            <DatePicker
              aria-label="截至日期"
              value={moment.asOf ? dayjs(moment.asOf) : null}
              onChange={(day) => setMoment({ year: moment.year, asOf: day ? day.format(DAY) : undefined })}
            />
          </Form.Item>
        </Form>
        {moment.asOf && (
          <Alert
            style={{ marginTop: 16 }}
            type="info"
            showIcon
            title={`正在查看截至 ${moment.asOf} 的统计数字；此后登记的事件不计入。在办案件、环节用时和招录批次只反映目前状态，不随截至日期回溯。`}
          />
        )}
      </Card>
      {figures.isError ? (
        <QueryFailure error={figures.error} retry={() => void figures.refetch()} />
      ) : figures.data ? (
        <>
          <KeyFigures figures={figures.data} onDrill={setDrill} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <RecruitsByMonthChart moment={moment} onDrill={setDrill} />
            </Col>
            <Col xs={24} xl={12}>
              <CasesOpenedChart figures={figures.data} onDrill={setDrill} />
            </Col>
            <Col xs={24} xl={12}>
              <OpenCasesChart figures={figures.data} />
            </Col>
            <Col xs={24} xl={12}>
              <Ledgers figures={figures.data} onDrill={setDrill} />
            </Col>
            <Col xs={24} xl={12}>
              <StageDurationsCard year={moment.year} />
            </Col>
            <Col xs={24} xl={12}>
              <OtherFigures figures={figures.data} onDrill={setDrill} />
            </Col>
          </Row>
          <AnnualReport moment={moment} onDrill={setDrill} />
        </>
      ) : (
        <Card loading />
      )}
      <FactsDrawer moment={moment} drill={drill} onClose={() => setDrill(undefined)} />
    </Space>
  );
}
