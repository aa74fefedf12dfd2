import { Card, Typography } from 'antd';
import { CaseTable } from '../components/case-table';

/** Cases at an approval stage. Who submitted each is in its 办理历史; the api refuses the submitter (四眼原则). */
export function ApproverHome() {
  return (
    <Card title="待我审批">
      <Typography.Paragraph type="secondary">
        打开案件可查看材料与办理历史（含提交人）；本人提交的案件须由其他审批人审批。
      </Typography.Paragraph>
      <CaseTable
        title="待审批案件"
        filters={{ stageKind: 'approval', status: 'open', limit: 100 }}
        empty="暂无待审批的案件"
      />
    </Card>
  );
}
