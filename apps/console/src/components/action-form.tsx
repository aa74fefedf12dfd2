import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { ApiError } from '../api/api-error';
import { api, call } from '../api/client';
import type { AllowedAction } from '../api/views';
import { SchemaFields, toPayload } from './schema-form';
import { RefusalAlert } from './refusal-alert';

/**
 * One action's form, generated from its payload schema. A refusal stays in the form beside the
 * fields, in the rule's words, so the person can correct or give up knowing why.
 */
export function ActionForm({
  caseId,
  action,
  onClose,
}: {
  caseId: string;
  action: AllowedAction;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const queries = useQueryClient();
  const { message } = App.useApp();
  const send = useMutation({
    mutationFn: (values: Record<string, unknown>) =>
      call(() =>
        api.POST('/cases/{id}/actions', {
          params: { path: { id: caseId } },
          body: {
            action: action.action,
            // The generated DTO types payload as an empty record; the action's own schema describes it.
            payload: toPayload(action.payloadSchema, values) as Record<string, never>,
            reason: typeof values.reason === 'string' && values.reason.trim() ? values.reason.trim() : undefined,
          },
        }),
      ),
    onSuccess: async () => {
      message.success(`已办理：${action.label}`);
      await queries.invalidateQueries({ queryKey: ['case', caseId] });
      onClose();
    },
    onError: (error) => {
      const failure = error instanceof ApiError ? error : new ApiError(0, undefined, 'network');
      setRefusal(failure);
      const fields = Object.keys(action.payloadSchema.properties);
      form.setFields(
        failure.problems.flatMap((problem) => {
          const field = fields.find((name) => problem.startsWith(`${name} `) || problem.includes(`payload.${name}`));
          return field ? [{ name: field, errors: ['该项不符合要求'] }] : [];
        }),
      );
    },
  });

  return (
    <Modal
      open
      title={action.label}
      okText={send.isError && refusal?.status === 0 ? '重试' : '提交'}
      cancelText="取消"
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => send.mutate(values)}>
        <SchemaFields schema={action.payloadSchema} />
        {action.reasonRequired && (
          <Form.Item name="reason" label="理由" rules={[{ required: true, whitespace: true, max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        <RefusalAlert refusal={refusal} />
      </Form>
    </Modal>
  );
}
