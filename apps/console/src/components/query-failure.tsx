import { Button, Result } from 'antd';
import { ApiError } from '../api/api-error';

/** A failed load, worded so a person knows what to do: 无权限 with the reason, or try again. */
export function QueryFailure({ error, retry }: { error: unknown; retry: () => void }) {
  const failure = error instanceof ApiError ? error : new ApiError(0, undefined, 'network');
  if (failure.status === 403) return <Result status="403" title="无权限" subTitle={failure.sentence} />;
  if (failure.status === 404) return <Result status="404" title="未找到" subTitle={failure.sentence} />;
  return (
    <Result
      status={failure.status === 0 ? 'warning' : 'error'}
      title={failure.status === 0 ? '网络连接中断' : '加载失败'}
      subTitle={failure.sentence}
      extra={
        <Button type="primary" onClick={retry}>
          重试
        </Button>
      }
    />
  );
}
