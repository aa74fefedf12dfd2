/** Response examples for the OpenAPI document: what a form or an integrating system receives. */
export const caseViewExample = {
  caseId: '6f0c6a3e-2b8f-4d1a-9a0e-1c2b3d4e5f60',
  pipeline: { id: 'recruitment.civil_servant', version: 1, label: '公务员招录' },
  stage: { id: 'writtenExam', label: '笔试', kind: 'task' },
  state: {
    caseId: '6f0c6a3e-2b8f-4d1a-9a0e-1c2b3d4e5f60',
    status: 'open',
    stage: 'writtenExam',
    stageEnteredAt: '2023-04-10T01:00:00.000Z',
    deadlineAt: '2023-05-10T01:00:00.000Z',
    overdue: false,
    version: 7,
    opened: {
      kind: 'recruitment',
      channel: 'civil_servant',
      subject: { name: '张三' },
      year: 2023,
      divisionCode: '530000',
    },
  },
  notice: null,
  allowedActions: [
    {
      action: 'record',
      label: '登记笔试结果',
      reasonRequired: false,
      payloadSchema: {
        type: 'object',
        properties: {
          outcome: { type: 'string', enum: ['pass', 'fail'] },
          score: { type: 'number', minimum: 0, maximum: 100 },
        },
        required: ['outcome'],
        additionalProperties: false,
      },
    },
    { action: 'withdraw', label: '本人放弃', reasonRequired: true, payloadSchema: { type: 'object', properties: {} } },
  ],
};

export const caseListExample = {
  items: [
    {
      caseId: '6f0c6a3e-2b8f-4d1a-9a0e-1c2b3d4e5f60',
      kind: 'recruitment',
      channel: 'civil_servant',
      year: 2023,
      subjectName: '张三',
      stage: 'writtenExam',
      status: 'open',
      outcome: null,
      overdue: false,
      deadlineAt: '2023-05-10T01:00:00.000Z',
      openedAt: '2023-03-01T01:00:00.000Z',
    },
  ],
  nextCursor: 'WyIyMDIzLTAzLTAxVDAxOjAwOjAwLjAwMFoiLCI2ZjBjIl0',
};

export const refusalExample = {
  statusCode: 409,
  error: 'STAGE_DOES_NOT_ACCEPT_ACTION',
  message: "Stage writtenExam (笔试) does not accept 'approve'; it accepts: record.",
};

/** The answer to an open with Prefer: respond-async, before the case is recorded. */
export const caseAcceptedExample = {
  caseId: '6f0c6a3e-2b8f-4d1a-9a0e-1c2b3d4e5f60',
  accepted: true,
  recorded: false,
  location: '/cases/6f0c6a3e-2b8f-4d1a-9a0e-1c2b3d4e5f60',
};
