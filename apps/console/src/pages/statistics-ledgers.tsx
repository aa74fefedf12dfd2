import { Button, Card, Col, Descriptions, Row, Statistic, Table } from 'antd';
import { channelLabel, yuan } from '../i18n/labels';
import {
  type AnnualFigures,
  type Drill,
  type Metric,
  outcomeLabel,
  returningLabel,
  workstationLabel,
} from './statistics-data';

type Pick = (drill: Drill) => void;

/** A number that opens the events it counts. */
function Figure({ value, drill, onDrill, money }: { value: number; drill: Drill; onDrill: Pick; money?: boolean }) {
  return (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(drill)} aria-label={drill.title}>
      {money ? yuan(value) : value}
    </Button>
  );
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** The year's headline figures, each opening the events behind it. */
export function KeyFigures({ figures, onDrill }: { figures: AnnualFigures; onDrill: Pick }) {
  const overdue = sum(figures.openCases.map((row) => row.overdue));
  const open = sum(figures.openCases.map((row) => row.open));
  const headline: { title: string; value: number; metric?: Metric }[] = [
    { title: '引进人才', value: sum(Object.values(figures.recruitment.recruitedByChannel)), metric: 'recruited' },
    { title: '立案', value: sum(figures.casesOpenedByMonth), metric: 'cases_opened' },
    { title: '公示异议', value: figures.recruitment.objections, metric: 'objections' },
    { title: '在办案件', value: open },
    { title: '超期案件', value: overdue },
  ];
  return (
    <Row gutter={16}>
      {headline.map(({ title, value, metric }) => (
        <Col key={title} flex="1">
          <Card size="small">
            <Statistic
              title={title}
              value={value}
              formatter={() => (metric ? <Figure value={value} drill={{ metric, title }} onDrill={onDrill} /> : value)}
              styles={{ content: { color: title === '超期案件' && value > 0 ? '#cf1322' : undefined } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

interface QuotaRow {
  category: string;
  reserved: number;
  used: number;
  released: number;
}

/** 编制储备台账 and 人才经费台账: reserved, used and released per category; committed, paid, released, returned. */
export function Ledgers({ figures, onDrill }: { figures: AnnualFigures; onDrill: Pick }) {
  const quotaCell = (metric: Metric, word: string) => (value: number, row: QuotaRow) => (
    <Figure
      value={value}
      drill={{ metric, dimension: row.category, title: `${channelLabel(row.category)}编制${word}` }}
      onDrill={onDrill}
    />
  );
  const fund: [Metric, string, number][] = [
    ['fund_committed_cny', '已核定', figures.fund.committedCny],
    ['fund_disbursed_cny', '已拨付', figures.fund.disbursedCny],
    ['fund_released_cny', '已释放', figures.fund.releasedCny],
    ['fund_returned_cny', '违约退还', figures.fund.returnedCny],
  ];
  return (
    <Card title="编制与经费台账">
      <Table<QuotaRow>
        rowKey="category"
        size="small"
        pagination={false}
        dataSource={Object.entries(figures.quotas).map(([category, quota]) => ({ category, ...quota }))}
        columns={[
          { title: '编制类别', dataIndex: 'category', render: channelLabel },
          { title: '储备', dataIndex: 'reserved', render: quotaCell('quota_reserved', '储备') },
          { title: '使用', dataIndex: 'used', render: quotaCell('quota_used', '使用') },
          { title: '释放', dataIndex: 'released', render: quotaCell('quota_released', '释放') },
        ]}
      />
      <Descriptions title="人才经费" size="small" column={2} style={{ marginTop: 16 }}>
        {fund.map(([metric, word, value]) => (
          <Descriptions.Item key={metric} label={word}>
            <Figure value={value} money drill={{ metric, title: `人才经费${word}` }} onDrill={onDrill} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    </Card>
  );
}

/** Figures by a dimension, each opening its events. */
function Breakdown(props: {
  title: string;
  metric: Metric;
  figures: Record<string, number>;
  label: (id: string) => string;
  onDrill: Pick;
  cumulative?: boolean;
}) {
  return (
    <Descriptions title={props.title} size="small" column={2}>
      {Object.entries(props.figures).map(([dimension, value]) => (
        <Descriptions.Item key={dimension} label={props.label(dimension)}>
          <Figure
            value={value}
            drill={{
              metric: props.metric,
              dimension,
              cumulative: props.cumulative,
              title: `${props.title}·${props.label(dimension)}`,
            }}
            onDrill={props.onDrill}
          />
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The rest of the report's figures: who was not hired, who left early, experts and returning talents. */
export function OtherFigures({ figures, onDrill }: { figures: AnnualFigures; onDrill: Pick }) {
  const { recruitment, expertCooperation } = figures;
  return (
    <Card title="其他统计">
      <Breakdown
        title="未录用"
        metric="recruitment_not_hired"
        figures={recruitment.notHiredByOutcome}
        label={outcomeLabel}
        onDrill={onDrill}
      />
      <Breakdown
        title="服务期内离职"
        metric="recruitment_left_service_early"
        figures={recruitment.leftServiceEarlyByChannel}
        label={channelLabel}
        onDrill={onDrill}
      />
      <Breakdown
        title="本年新建工作站"
        metric="workstations_established"
        figures={expertCooperation.workstationsEstablished}
        label={workstationLabel}
        onDrill={onDrill}
      />
      <Breakdown
        title="累计建成工作站"
        metric="workstations_established"
        figures={expertCooperation.workstationsCumulative}
        label={workstationLabel}
        onDrill={onDrill}
        cumulative
      />
      <Descriptions title="专家合作" size="small" column={3}>
        <Descriptions.Item label="合作意向">
          <Figure
            value={expertCooperation.cooperationIntents}
            drill={{ metric: 'cooperation_intents', title: '专家合作意向' }}
            onDrill={onDrill}
          />
        </Descriptions.Item>
        <Descriptions.Item label="聘为顾问">
          <Figure
            value={expertCooperation.consultantsAppointed}
            drill={{ metric: 'consultants_appointed', title: '聘为顾问' }}
            onDrill={onDrill}
          />
        </Descriptions.Item>
        <Descriptions.Item label="签订协议">
          <Figure
            value={expertCooperation.agreementsSigned}
            drill={{ metric: 'agreements_signed', title: '签订协议' }}
            onDrill={onDrill}
          />
        </Descriptions.Item>
      </Descriptions>
      <Breakdown
        title="人才回引"
        metric="returning_talents"
        figures={figures.returningTalents}
        label={returningLabel}
        onDrill={onDrill}
      />
    </Card>
  );
}
