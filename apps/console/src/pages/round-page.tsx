import { useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Dropdown,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import { downloadFile, fetchText, uploadSheet } from '../api/files';
import type { components } from '../api/openapi';
import { useStageLabels } from '../api/pipelines';
import type { RoundApplicant, RoundApplicantPage, RoundDetail, RoundPost, RowError } from '../api/round-views';
import { QueryFailure } from '../components/query-failure';
import { channelLabel } from '../i18n/labels';
import {
  methodLabel,
  NAME_LISTS,
  percent,
  qualificationLabel,
  roundStatusLabel,
  score,
  substitutionStageLabel,
  tieRuleLabel,
} from '../i18n/round-labels';
import { useSession } from '../session/session';

type RoundAction = components['schemas']['RoundActionDto'];

/** The read models follow the round's workflow a moment later: the page asks again until they have. */
const FOLLOW_MS = 2000;
const PAGE = 50;

const asApiError = (error: unknown) => (error instanceof ApiError ? error : new ApiError(0, undefined, 'network'));

function useRoundAction(roundId: string) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: ({ body }: { body: RoundAction; done: string }) =>
      call(() => api.POST('/rounds/{id}/actions', { params: { path: { id: roundId } }, body })),
    onSuccess: async (_, { done }) => {
      message.success(done);
      await queries.invalidateQueries({ queryKey: ['round', roundId] });
    },
    onError: (error) => void message.error(asApiError(error).sentence),
  });
}

export function RoundPage() {
  const { roundId = '' } = useParams();
  const detail = useQuery({
    queryKey: ['round', roundId, 'detail'],
    queryFn: () => call<RoundDetail>(() => api.GET('/rounds/{id}', { params: { path: { id: roundId } } })),
    refetchInterval: FOLLOW_MS,
  });
  if (detail.isError) return <QueryFailure error={detail.error} retry={() => void detail.refetch()} />;
  if (!detail.data) return <Spin size="large" />;
  const found = detail.data;
  return (
    <Card title={found.round.title} extra={<Tag>{roundStatusLabel(found.round.status)}</Tag>}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <RoundSummary detail={found} />
        <RoundToolbar detail={found} />
        <Tabs
          items={[
            { key: 'posts', label: '职位与统计', children: <PostTable detail={found} /> },
            { key: 'ranking', label: '成绩排名', children: <Rankings detail={found} /> },
            { key: 'applicants', label: '报名考生', children: <Applicants detail={found} /> },
          ]}
        />
      </Space>
    </Card>
  );
}

function RoundSummary({ detail }: { detail: RoundDetail }) {
  const { round, counts, figures } = detail;
  const { terms } = round;
  return (
    <Descriptions bordered size="small" column={4}>
      <Descriptions.Item label="年度">{round.year}</Descriptions.Item>
      <Descriptions.Item label="渠道">{channelLabel(round.channel)}</Descriptions.Item>
      <Descriptions.Item label="方式">{methodLabel(round.method)}</Descriptions.Item>
      <Descriptions.Item label="公告日期">{round.announcedOn}</Descriptions.Item>
      {round.method === 'exam' && (
        <>
          <Descriptions.Item label="面试入围比例">1:{terms.shortlistRatio ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="成绩权重">
            笔试{terms.weights?.written ?? 0}%，面试{terms.weights?.interview ?? 0}%
          </Descriptions.Item>
        </>
      )}
      <Descriptions.Item label="同分排序">
        {terms.tieRules.length ? terms.tieRules.map(tieRuleLabel).join('，') : '不设规则'}
      </Descriptions.Item>
      <Descriptions.Item label="递补规则">
        每职位最多{terms.substitution.maxPerPost}次，{substitutionStageLabel(terms.substitution.untilStage)}后不再递补
      </Descriptions.Item>
      <Descriptions.Item label="职位数">{round.postCount}</Descriptions.Item>
      <Descriptions.Item label="招录人数">{round.places}</Descriptions.Item>
      <Descriptions.Item label="报名人数">{counts.applicants}</Descriptions.Item>
      <Descriptions.Item label="报录比">
        {figures.applicantsPerPlace === null ? '—' : `${figures.applicantsPerPlace}:1`}
      </Descriptions.Item>
      {Object.entries(figures.stageRates)
        .filter(([stage]) =>
          round.method === 'exam' ? stage !== 'assessment' : !['writtenExam', 'interview'].includes(stage),
        )
        .map(([stage, rate]) => (
          <Descriptions.Item key={stage} label={rate.label}>
            {percent(rate.rate)}（{rate.passed}/{rate.of}）
          </Descriptions.Item>
        ))}
      <Descriptions.Item label="已录用">{figures.placesFilled}</Descriptions.Item>
      <Descriptions.Item label="办理中">{counts.inProgress}</Descriptions.Item>
      <Descriptions.Item label="空缺">{figures.placesUnfilled}</Descriptions.Item>
      <Descriptions.Item label="递补">{figures.substitutions}</Descriptions.Item>
    </Descriptions>
  );
}

/** What the round asks of the person now, by role: imports and steps for officers, 审定 for approvers, 名单 for all. */
function RoundToolbar({ detail }: { detail: RoundDetail }) {
  const { user } = useSession();
  const { roundId, status, title, method } = detail.round;
  const act = useRoundAction(roundId);
  const [rowErrors, setRowErrors] = useState<{ file: string; errors: RowError[] } | null>(null);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const { message, modal } = App.useApp();
  const officer = user?.role === 'hr_officer' && status !== 'closed';
  const exams =
    method === 'exam'
      ? ([
          ['written', '笔试'],
          ['interview', '面试'],
        ] as const)
      : ([['assessment', '考核']] as const);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {user?.role === 'approver' && status === 'announced' && (
          <Button
            type="primary"
            loading={act.isPending}
            onClick={() => act.mutate({ body: { action: 'approvePostTable' }, done: '职位表已审定' })}
          >
            审定职位表
          </Button>
        )}
        {officer && (
          <>
            <ImportButton roundId={roundId} path="applicants" label="导入报名表" onRowErrors={setRowErrors} />
            {exams.map(([exam, name]) => (
              <ImportButton
                key={exam}
                roundId={roundId}
                path={`scores?exam=${exam}`}
                label={`导入${name}成绩`}
                onRowErrors={setRowErrors}
              />
            ))}
            {method === 'exam' && (
              <Button
                loading={act.isPending}
                onClick={() => act.mutate({ body: { action: 'drawShortlist' }, done: '已确定面试名单' })}
              >
                确定面试名单
              </Button>
            )}
            <Button
              loading={act.isPending}
              onClick={() => act.mutate({ body: { action: 'rankPosts' }, done: '已排名' })}
            >
              计算综合成绩并排名
            </Button>
            <Button
              danger
              onClick={() => {
                // The app's modal, not the static one: that renders outside the ConfigProvider (locale, button text).
                void modal.confirm({
                  title: '结束本批次',
                  content: '结束后不能再办理本批次的任何事项，未招满的名额退回年度计划。',
                  okText: '结束',
                  cancelText: '取消',
                  onOk: () => act.mutateAsync({ body: { action: 'closeRound' }, done: '本批次已结束' }),
                });
              }}
            >
              结束本批次
            </Button>
          </>
        )}
        <Dropdown
          menu={{
            items: NAME_LISTS.map(({ list, label }) => ({ key: list, label })),
            onClick: ({ key }) => {
              const label = NAME_LISTS.find((item) => item.list === key)?.label ?? '';
              downloadFile(`/rounds/${roundId}/exports/${key}.xlsx`, `${title}${label}.xlsx`).catch((error: unknown) =>
                message.error(asApiError(error).sentence),
              );
            },
          }}
        >
          <Button>下载名单</Button>
        </Dropdown>
        <Button onClick={() => setNoticeOpen(true)}>公示文本</Button>
      </Space>
      {rowErrors && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRowErrors(null)}
          title={`${rowErrors.file}有${rowErrors.errors.length}处错误，未导入任何内容。请改正后重新上传整个文件。`}
          description={
            <Table<RowError>
              rowKey={(error) => `${error.row}-${error.column}`}
              size="small"
              pagination={false}
              dataSource={rowErrors.errors}
              columns={[
                { title: '行号', dataIndex: 'row', width: 80 },
                { title: '列', dataIndex: 'column', width: 160 },
                { title: '问题', dataIndex: 'message' },
              ]}
            />
          }
        />
      )}
      {noticeOpen && <NoticeText roundId={roundId} title={title} onClose={() => setNoticeOpen(false)} />}
    </Space>
  );
}

function ImportButton({
  roundId,
  path,
  label,
  onRowErrors,
}: {
  roundId: string;
  path: string;
  label: string;
  onRowErrors: (found: { file: string; errors: RowError[] } | null) => void;
}) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept=".xlsx"
      showUploadList={false}
      customRequest={({ file }) => {
        const sheet = file as File;
        // The office names its files in Chinese; the extension would be the only Latin on the page.
        const name = sheet.name.replace(/\.xlsx$/i, '');
        setBusy(true);
        onRowErrors(null);
        uploadSheet(`/rounds/${roundId}/imports/${path}`, sheet)
          .then(async () => {
            message.success(`已导入：${name}`);
            await queries.invalidateQueries({ queryKey: ['round', roundId] });
          })
          .catch((error: unknown) => {
            const failure = asApiError(error);
            if (failure.rowErrors.length > 0) onRowErrors({ file: name, errors: failure.rowErrors });
            else message.error(failure.sentence);
          })
          .finally(() => setBusy(false));
      }}
    >
      <Button loading={busy}>{label}</Button>
    </Upload>
  );
}

function NoticeText({ roundId, title, onClose }: { roundId: string; title: string; onClose: () => void }) {
  const [startsOn, setStartsOn] = useState<Dayjs | null>(null);
  const text = useMutation({
    mutationFn: () =>
      fetchText(`/rounds/${roundId}/exports/notice.txt${startsOn ? `?startsOn=${startsOn.format('YYYY-MM-DD')}` : ''}`),
  });
  const save = (content: string) => {
    const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${title}拟录用人员公示.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Modal open title="拟录用人员公示" width={760} footer={null} onCancel={onClose}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space>
          <span>公示开始日期</span>
          <DatePicker value={startsOn} onChange={setStartsOn} placeholder="默认今天" />
          <Button type="primary" loading={text.isPending} onClick={() => text.mutate()}>
            生成
          </Button>
          {text.data && <Button onClick={() => save(text.data)}>下载</Button>}
        </Space>
        {text.isError && <Alert type="error" showIcon title="未能生成" description={asApiError(text.error).sentence} />}
        {text.data && <Input.TextArea readOnly value={text.data} autoSize={{ minRows: 10, maxRows: 24 }} />}
      </Space>
    </Modal>
  );
}

function PostTable({ detail }: { detail: RoundDetail }) {
  const exam = detail.round.method === 'exam';
  const rate = (stage: string) => (post: RoundPost) => percent(post.figures.stageRates[stage]?.rate ?? null);
  return (
    <Table<RoundPost>
      rowKey="postCode"
      size="small"
      pagination={false}
      dataSource={detail.posts}
      scroll={{ x: true }}
      columns={[
        { title: '职位代码', dataIndex: 'postCode' },
        { title: '招录单位', dataIndex: 'unit' },
        { title: '职位名称', dataIndex: 'title' },
        { title: '招录人数', dataIndex: 'places' },
        { title: '报名', render: (_, post) => post.counts.applicants },
        {
          title: '报录比',
          render: (_, post) =>
            post.figures.applicantsPerPlace === null ? '—' : `${post.figures.applicantsPerPlace}:1`,
        },
        { title: '资格审查通过', render: (_, post) => `${post.counts.qualified}/${post.counts.reviewed}` },
        ...(exam
          ? [
              { title: '笔试参考率', render: (_: unknown, post: RoundPost) => rate('writtenExam')(post) },
              { title: '进入面试', render: (_: unknown, post: RoundPost) => post.counts.shortlisted },
              { title: '面试分数线', render: (_: unknown, post: RoundPost) => post.cutoff ?? '—' },
            ]
          : [{ title: '考核参考率', render: (_: unknown, post: RoundPost) => rate('assessment')(post) }]),
        { title: '进入体检', render: (_, post) => post.counts.advanced },
        { title: '体检合格率', render: (_, post) => rate('physicalExam')(post) },
        { title: '考察合格率', render: (_, post) => rate('inspection')(post) },
        { title: '已录用', render: (_, post) => post.figures.placesFilled },
        { title: '空缺', render: (_, post) => post.figures.placesUnfilled },
        { title: '递补', render: (_, post) => post.figures.substitutions },
      ]}
    />
  );
}

function applicantStatus(applicant: RoundApplicant) {
  return (
    <Space size={4} wrap>
      {applicant.tiePending && <Tag color="orange">并列待定</Tag>}
      {applicant.advanced && <Tag color="blue">已进入体检</Tag>}
      {applicant.substituteNumber !== null && <Tag color="purple">第{applicant.substituteNumber}次递补</Tag>}
      {applicant.replaced && <Tag color="red">已递补替换</Tag>}
      {applicant.caseResult === 'failure' && !applicant.replaced && <Tag color="red">未通过</Tag>}
    </Space>
  );
}

function Rankings({ detail }: { detail: RoundDetail }) {
  const { user } = useSession();
  const stageLabel = useStageLabels();
  const { roundId, status, method } = detail.round;
  const act = useRoundAction(roundId);
  const [tie, setTie] = useState<RoundPost | null>(null);
  const [dropout, setDropout] = useState<RoundApplicant | null>(null);
  const officer = user?.role === 'hr_officer' && status !== 'closed';
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {detail.posts.map((post) => {
        const ranking = detail.rankings[post.postCode] ?? [];
        return (
          <Card
            key={post.postCode}
            size="small"
            title={`${post.postCode} ${post.unit} ${post.title}（招录${post.places}人）`}
            extra={
              officer && (
                <Space>
                  {post.counts.tiesPending > 0 && <Button onClick={() => setTie(post)}>确定并列名次</Button>}
                  <Button
                    type="primary"
                    disabled={ranking.length === 0 || post.counts.tiesPending > 0}
                    loading={act.isPending}
                    onClick={() =>
                      act.mutate({
                        body: { action: 'advanceCandidates', postCode: post.postCode },
                        done: `${post.postCode}职位人选已进入体检`,
                      })
                    }
                  >
                    进入体检
                  </Button>
                </Space>
              )
            }
          >
            <Table<RoundApplicant>
              rowKey="ticket"
              size="small"
              pagination={false}
              dataSource={ranking}
              locale={{ emptyText: '尚未排名' }}
              columns={[
                { title: '名次', dataIndex: 'rank', width: 60 },
                { title: '准考证号', dataIndex: 'ticket' },
                { title: '姓名', dataIndex: 'name' },
                ...(method === 'exam'
                  ? [
                      { title: '笔试', render: (_: unknown, a: RoundApplicant) => score(a.written, a.writtenAbsent) },
                      {
                        title: '面试',
                        render: (_: unknown, a: RoundApplicant) => score(a.interview, a.interviewAbsent),
                      },
                    ]
                  : [
                      {
                        title: '考核',
                        render: (_: unknown, a: RoundApplicant) => score(a.assessment, a.assessmentAbsent),
                      },
                    ]),
                { title: '综合成绩', dataIndex: 'composite' },
                { title: '状态', render: (_, applicant) => applicantStatus(applicant) },
                {
                  title: '案件',
                  render: (_, applicant) =>
                    applicant.caseId ? (
                      <Link to={`/cases/${applicant.caseId}`}>{stageLabel(applicant.caseStage ?? '')}</Link>
                    ) : (
                      '—'
                    ),
                },
                ...(officer
                  ? [
                      {
                        title: '操作',
                        render: (_: unknown, applicant: RoundApplicant) =>
                          applicant.caseResult === 'failure' &&
                          !applicant.replaced && (
                            <Button size="small" onClick={() => setDropout(applicant)}>
                              递补
                            </Button>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        );
      })}
      {tie && (
        <TieForm
          roundId={roundId}
          post={tie}
          ranking={detail.rankings[tie.postCode] ?? []}
          onClose={() => setTie(null)}
        />
      )}
      {dropout && <SubstituteForm roundId={roundId} dropout={dropout} onClose={() => setDropout(null)} />}
    </Space>
  );
}

/** The tied applicants put in order by hand, as the office decided it (e.g. by lot), with why. */
function TieForm({
  roundId,
  post,
  ranking,
  onClose,
}: {
  roundId: string;
  post: RoundPost;
  ranking: RoundApplicant[];
  onClose: () => void;
}) {
  const act = useRoundAction(roundId);
  const [order, setOrder] = useState(ranking.filter((applicant) => applicant.tiePending));
  const [reason, setReason] = useState('');
  const move = (from: number, to: number) =>
    setOrder((current) => {
      const next = [...current];
      const [taken] = next.splice(from, 1);
      next.splice(to, 0, taken!);
      return next;
    });
  return (
    <Modal
      open
      title={`确定并列名次：${post.postCode}`}
      okText="提交"
      cancelText="取消"
      okButtonProps={{ disabled: !reason.trim() }}
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() =>
        act.mutate(
          {
            body: {
              action: 'resolveTie',
              postCode: post.postCode,
              order: order.map((applicant) => applicant.ticket),
              reason: reason.trim(),
            },
            done: '并列名次已确定',
          },
          { onSuccess: onClose },
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {order.map((applicant, index) => (
          <Space key={applicant.ticket}>
            <span>
              {index + 1}. {applicant.name}（{applicant.ticket}，综合成绩{applicant.composite ?? '—'}）
            </span>
            <Button size="small" disabled={index === 0} onClick={() => move(index, index - 1)}>
              上移
            </Button>
            <Button size="small" disabled={index === order.length - 1} onClick={() => move(index, index + 1)}>
              下移
            </Button>
          </Space>
        ))}
        <Input.TextArea
          rows={3}
          placeholder="理由（必填），如：经抽签确定"
          value={reason}
          maxLength={2000}
          onChange={(event) => setReason(event.target.value)}
        />
      </Space>
    </Modal>
  );
}

function SubstituteForm({
  roundId,
  dropout,
  onClose,
}: {
  roundId: string;
  dropout: RoundApplicant;
  onClose: () => void;
}) {
  const act = useRoundAction(roundId);
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={`递补：${dropout.name}（${dropout.ticket}）`}
      okText="递补"
      cancelText="取消"
      okButtonProps={{ disabled: !reason.trim() }}
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() =>
        act.mutate(
          {
            body: { action: 'substitute', postCode: dropout.postCode, caseId: dropout.caseId!, reason: reason.trim() },
            done: '已递补，递补人选进入体检',
          },
          { onSuccess: onClose },
        )
      }
    >
      <Typography.Paragraph>按排名依次递补下一位未进入体检的考生，递补人选进入体检。</Typography.Paragraph>
      <Input.TextArea
        rows={3}
        placeholder="理由（必填），如：体检复检不合格，依公告递补"
        value={reason}
        maxLength={2000}
        onChange={(event) => setReason(event.target.value)}
      />
    </Modal>
  );
}

/** The roster page by page; officers select rows and decide their 资格审查 in one request. */
function Applicants({ detail }: { detail: RoundDetail }) {
  const { user } = useSession();
  const { roundId, status, method } = detail.round;
  const [postCode, setPostCode] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<'pass' | 'fail' | null>(null);
  const applicants = useInfiniteQuery({
    queryKey: ['round', roundId, 'applicants', postCode],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call<RoundApplicantPage>(() =>
        api.GET('/rounds/{id}/applicants', {
          params: { path: { id: roundId }, query: { postCode, limit: PAGE, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: FOLLOW_MS,
  });
  const reviewer = user?.role === 'hr_officer' && status === 'approved';
  if (applicants.isError) return <QueryFailure error={applicants.error} retry={() => void applicants.refetch()} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder="全部职位"
          style={{ width: 260 }}
          value={postCode}
          onChange={setPostCode}
          options={detail.posts.map((post) => ({ value: post.postCode, label: `${post.postCode} ${post.unit}` }))}
        />
        {reviewer && (
          <>
            <span>已选{selected.length}人</span>
            <Button disabled={selected.length === 0} onClick={() => setDeciding('pass')}>
              资格审查通过
            </Button>
            <Button danger disabled={selected.length === 0} onClick={() => setDeciding('fail')}>
              资格审查不通过
            </Button>
          </>
        )}
      </Space>
      <Table<RoundApplicant>
        rowKey="ticket"
        size="small"
        loading={applicants.isPending}
        pagination={false}
        dataSource={applicants.data?.pages.flatMap((page) => page.items) ?? []}
        rowSelection={
          reviewer ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
        }
        columns={[
          { title: '准考证号', dataIndex: 'ticket' },
          { title: '姓名', dataIndex: 'name' },
          { title: '性别', dataIndex: 'gender' },
          { title: '职位代码', dataIndex: 'postCode' },
          { title: '学历', dataIndex: 'education' },
          { title: '专业', dataIndex: 'major' },
          {
            title: '资格审查',
            render: (_, applicant) => (
              <Space size={4}>
                <Tag color={{ pending: 'default', pass: 'green', fail: 'red' }[applicant.qualification]}>
                  {qualificationLabel(applicant.qualification)}
                </Tag>
                {applicant.qualificationReason}
              </Space>
            ),
          },
          ...(method === 'exam'
            ? [
                { title: '笔试', render: (_: unknown, a: RoundApplicant) => score(a.written, a.writtenAbsent) },
                {
                  title: '面试',
                  render: (_: unknown, a: RoundApplicant) =>
                    a.shortlisted ? score(a.interview, a.interviewAbsent) : '—',
                },
              ]
            : [{ title: '考核', render: (_: unknown, a: RoundApplicant) => score(a.assessment, a.assessmentAbsent) }]),
          { title: '名次', render: (_, applicant) => applicant.rank ?? '—' },
          { title: '状态', render: (_, applicant) => applicantStatus(applicant) },
        ]}
      />
      {applicants.hasNextPage && (
        <Button loading={applicants.isFetchingNextPage} onClick={() => void applicants.fetchNextPage()}>
          加载更多
        </Button>
      )}
      {deciding && (
        <ReviewForm
          roundId={roundId}
          outcome={deciding}
          tickets={selected}
          onClose={(done) => {
            setDeciding(null);
            if (done) setSelected([]);
          }}
        />
      )}
    </Space>
  );
}

function ReviewForm({
  roundId,
  outcome,
  tickets,
  onClose,
}: {
  roundId: string;
  outcome: 'pass' | 'fail';
  tickets: string[];
  onClose: (done: boolean) => void;
}) {
  const act = useRoundAction(roundId);
  const [reason, setReason] = useState('');
  const verdict = outcome === 'pass' ? '通过' : '不通过';
  return (
    <Modal
      open
      title={`资格审查${verdict}（${tickets.length}人）`}
      okText="提交"
      cancelText="取消"
      okButtonProps={{ disabled: outcome === 'fail' && !reason.trim() }}
      confirmLoading={act.isPending}
      onCancel={() => onClose(false)}
      onOk={() =>
        act.mutate(
          {
            body: {
              action: 'reviewQualifications',
              decisions: tickets.map((ticket) => ({
                ticket,
                outcome,
                ...(reason.trim() && { reason: reason.trim() }),
              })),
            },
            done: `已登记资格审查${verdict}：${tickets.length}人`,
          },
          { onSuccess: () => onClose(true) },
        )
      }
    >
      <Input.TextArea
        rows={3}
        placeholder={outcome === 'fail' ? '理由（必填），如：专业不符合职位要求' : '备注（选填）'}
        value={reason}
        maxLength={2000}
        onChange={(event) => setReason(event.target.value)}
      />
    </Modal>
  );
}
