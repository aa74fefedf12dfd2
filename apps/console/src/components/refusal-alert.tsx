import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import type { ApiError } from '../api/api-error';

/** A request the api did not accept, beside the form that sent it: 无权限, or the rule's sentence. */
export function RefusalAlert({ refusal, style }: { refusal: ApiError | null; style?: CSSProperties }) {
  if (!refusal) return null;
  return (
    <Alert
      type={refusal.status === 0 ? 'warning' : 'error'}
      showIcon
      title={refusal.status === 403 ? '无权限' : '未被受理'}
      description={refusal.sentence}
      {...(style && { style })}
    />
  );
}
