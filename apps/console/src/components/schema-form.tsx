import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { FieldSchema, PayloadSchema } from '../api/views';
import { choiceLabel } from '../i18n/labels';

/**
 * The fields of an action's payload schema as AntD form items. The pipelines use flat objects of
 * strings (free text, choices, dates), numbers and yes/no, so these cover every action; the
 * rules mirror the schema so a form is checked before it is sent.
 */
export function SchemaFields({ schema, names = {} }: { schema: PayloadSchema; names?: Record<string, string> }) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties).map(([name, field]) => (
        <Form.Item
          key={name}
          name={name}
          label={field.title ?? names[name] ?? '附加信息'}
          rules={rulesOf(field, required.has(name))}
        >
          {inputOf(field)}
        </Form.Item>
      ))}
    </>
  );
}

function rulesOf(field: FieldSchema, required: boolean): Rule[] {
  const rules: Rule[] = [];
  if (required) rules.push({ required: true });
  if (field.type === 'string' && !field.enum && field.format !== 'date') {
    rules.push({ type: 'string', min: field.minLength, max: field.maxLength, whitespace: required });
  }
  if (field.type === 'number' || field.type === 'integer') {
    rules.push({ type: field.type === 'integer' ? 'integer' : 'number', min: field.minimum, max: field.maximum });
  }
  return rules;
}

function inputOf(field: FieldSchema) {
  if (field.enum) {
    const options = field.enum.map((value) => ({ value, label: choiceLabel(value) }));
    return options.length <= 4 ? <Radio.Group options={options} /> : <Select options={options} />;
  }
  switch (field.type) {
    case 'boolean':
      return (
        <Radio.Group
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
        />
      );
    case 'number':
    case 'integer':
      return (
        <InputNumber min={field.minimum} max={field.maximum} precision={field.type === 'integer' ? 0 : undefined} />
      );
    case 'string':
    case undefined:
      if (field.format === 'date') return <DatePicker />;
      return (field.maxLength ?? 0) > 200 ? <Input.TextArea rows={3} /> : <Input />;
  }
}

/** The payload as the schema wants it: dates as YYYY-MM-DD, empty optional fields left out. */
export function toPayload(schema: PayloadSchema, values: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.properties)) {
    const value = values[name];
    if (value === undefined || value === null || value === '') continue;
    payload[name] =
      field.format === 'date' && typeof value === 'object' && 'format' in value
        ? (value as { format(pattern: string): string }).format('YYYY-MM-DD')
        : value;
  }
  return payload;
}
