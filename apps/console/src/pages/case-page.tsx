import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Space, Spin, Steps, Tabs, Tag, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { api, call } from '../api/client';
import { usePipeline } from '../api/pipelines';
import type { AllowedAction, CaseView, HistoryEvent, PipelineDefinition, Role } from '../api/views';
import { ActionForm } from '../components/action-form';
import { QueryFailure } from '../components/query-failure';
import { channelLabel, date, kindLabel, statusLabel } from '../i18n/labels';
import { useSession } from '../session/session';
import { CaseFacts } from './case-facts';
import { CaseHistory, useCaseHistory } from './case-history';

const DAY_MS = 24 * 60 * 60 * 1000;

export function CasePage() {
  const { caseId = '' } = useParams();
  const view = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => call<CaseView>(() => api.GET('/cases/{id}', { params: { path: { id: caseId } } })),
  });
  const pipeline = usePipeline(view.data?.pipeline.id, view.data?.pipeline.version);
  if (view.isError) return <QueryFailure error={view.error} retry={() => void view.refetch()} />;
  if (!view.data) return <Spin size="large" />;
  const found = view.data;
  return (
    <Card title={`${found.state.opened.subject.name ?? '（未显示）'} · ${found.pipeline.label}`}>
      <Tabs
        items={[
          {
            key: 'work',
            label: '办理',
            children: <CaseWork view={found} pipeline={pipeline.data} />,
          },
          { key: 'history', label: '办理历史', children: <CaseHistory caseId={caseId} /> },
        ]}
      />
    </Card>
  );
}

function CaseWork({ view, pipeline }: { view: CaseView; pipeline: PipelineDefinition | undefined }) {
  const { state } = view;
  const daysInStage = state.stageEnteredAt
    ? Math.floor((Date.now() - new Date(state.stageEnteredAt).getTime()) / DAY_MS)
    : undefined;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={3}>
        <Descriptions.Item label="类别">{kindLabel(state.opened.kind)}</Descriptions.Item>
        <Descriptions.Item label="渠道">{channelLabel(state.opened.channel)}</Descriptions.Item>
        <Descriptions.Item label="年度">{state.opened.year}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Space>
            {statusLabel(state.status)}
            {state.overdue && <Tag color="red">超期</Tag>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label="当前环节">
          {view.stage.label}
          {daysInStage !== undefined && state.status !== 'closed' && `（已办理 ${daysInStage} 天）`}
        </Descriptions.Item>
        <Descriptions.Item label="办理期限">{date(state.deadlineAt)}</Descriptions.Item>
        {state.noticeEndsAt && <Descriptions.Item label="公示截止">{date(state.noticeEndsAt)}</Descriptions.Item>}
        {state.outcome && pipeline && (
          <Descriptions.Item label="办理结果">{pipeline.outcomes[state.outcome.id]?.label ?? '—'}</Descriptions.Item>
        )}
      </Descriptions>
      <CaseFacts view={view} />
      {pipeline && <StageTrack pipeline={pipeline} view={view} />}
      <CaseActions view={view} pipeline={pipeline} />
    </Space>
  );
}

/** The pipeline's stages in order, the current one marked, each with the days the case spent in it. */
function StageTrack({ pipeline, view }: { pipeline: PipelineDefinition; view: CaseView }) {
  const history = useCaseHistory(view.caseId);
  const days = stageDays(history.data?.events ?? [], Date.now());
  const stages = pipeline.stageOrder.map((id) => [id, pipeline.stages[id]!] as const);
  const current = stages.findIndex(([id]) => id === view.state.stage);
  const closed = view.state.status === 'closed';
  return (
    <Steps
      size="small"
      current={closed ? stages.length : current}
      status={view.state.status === 'suspended' ? 'error' : 'process'}
      items={stages.map(([id, stage]) => ({
        key: id,
        title: stage.label,
        ...(days.has(id) && { description: `${days.get(id)} 天` }),
      }))}
      style={{ overflowX: 'auto', paddingBottom: 8 }}
    />
  );
}

/**
 * Whole days spent in each stage entered so far, by business time: from its StageEntered to the
 * next stage's, the case's close, or now for the stage it is in. A stage entered twice adds up.
 */
function stageDays(events: readonly HistoryEvent[], now: number): Map<string, number> {
  const spent = new Map<string, number>();
  let inStage: { id: string; since: number } | undefined;
  const leave = (at: number) => {
    if (inStage) spent.set(inStage.id, (spent.get(inStage.id) ?? 0) + Math.max(0, at - inStage.since));
    inStage = undefined;
  };
  for (const event of events) {
    const at = Date.parse(event.occurredAt);
    if (event.type === 'StageEntered') {
      leave(at);
      inStage = { id: String(event.data.stage), since: at };
    }
    if (event.type === 'CaseClosed') leave(at);
  }
  leave(now);
  return new Map([...spent].map(([id, ms]) => [id, Math.floor(ms / DAY_MS)]));
}

/**
 * The actions the api allows now, and the current stage's other actions for the role: those are
 * refused for a reason of the case (四眼原则, order of actions), which the api words when asked.
 */
function CaseActions({ view, pipeline }: { view: CaseView; pipeline: PipelineDefinition | undefined }) {
  const { user } = useSession();
  const [open, setOpen] = useState<AllowedAction | null>(null);
  const allowed = new Set(view.allowedActions.map((action) => action.action));
  const stageActions = pipeline?.stages[view.state.stage]?.actions ?? {};
  const others: AllowedAction[] =
    view.state.status === 'closed'
      ? []
      : Object.entries(stageActions)
          .filter(([id, action]) => !allowed.has(id) && action.roles.includes(user?.role as Role))
          .map(([id, action]) => ({
            action: id,
            label: action.label,
            payloadSchema: action.payloadSchema,
            reasonRequired: false,
          }));
  if (view.allowedActions.length === 0 && others.length === 0) {
    return <Typography.Text type="secondary">您当前没有可办理的事项。</Typography.Text>;
  }
  return (
    <Space wrap>
      {view.allowedActions.map((action) => (
        <Button key={action.action} type="primary" onClick={() => setOpen(action)}>
          {action.label}
        </Button>
      ))}
      {others.map((action) => (
        <Button key={action.action} onClick={() => setOpen(action)}>
          {action.label}
        </Button>
      ))}
      {open && <ActionForm caseId={view.caseId} action={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
