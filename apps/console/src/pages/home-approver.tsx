import { Card, Typography } from 'antd';
import { CaseTable } from '../components/case-table';

/** Cases at an approval stage, each with who submitted it: the one the api refuses to let approve it (四眼原则). */
export function ApproverHome() {
  return (
    <Card title="待我审批">
      <Typography.Paragraph type="secondary">
        打开案件可查看材料与办理历史；本人经办或提交的案件须由其他审批人审批。
      </Typography.Paragraph>
      <CaseTable
        title="待审批案件"
        filters={{ stageKind: 'approval', status: 'open', limit: 100 }}
        empty="暂无待审批的案件"
        withSubmitter
      />
    </Card>
  );
}
