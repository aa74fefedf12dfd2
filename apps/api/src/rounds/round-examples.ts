/** OpenAPI examples of the rounds api, as a county office would see them. */
export const roundSummaryExample = {
  roundId: 'gwy-2024-1',
  divisionCode: '450000',
  year: 2024,
  channel: 'civil_servant',
  title: '某县2024年考试录用公务员公告',
  status: 'approved',
  version: 64,
  posts: 3,
  places: 5,
  applicants: 60,
  recorded: { ApplicantRegistered: 60 },
  openedCases: [],
};

export const rowErrorsExample = {
  statusCode: 422,
  error: 'INVALID_FILE',
  message: '报名表.xlsx: 2 problem(s); nothing was imported. Correct the rows and upload the whole file again.',
  errors: [
    { row: 7, column: '身份证号', message: '第7行 身份证号：校验位不正确' },
    { row: 12, column: '报考职位代码', message: '第12行 报考职位代码：不能为空' },
  ],
};

export const resultsExample = {
  items: [
    { ticket: '2024101006', caseId: 'gwy-2024-1-2024101006', status: 200, stage: 'inspection', outcome: null },
    {
      ticket: '2024101002',
      caseId: 'gwy-2024-1-2024101002',
      status: 200,
      stage: 'physicalReexamination',
      outcome: null,
    },
  ],
};
