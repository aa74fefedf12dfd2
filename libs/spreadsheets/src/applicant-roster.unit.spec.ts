import { type CellValue } from 'exceljs';
import { readApplicantRoster } from './applicant-roster';
import { buildWorkbook, identityCardNumber } from './sheet-builder';

const HEADER = [
  '姓名',
  '性别',
  '民族',
  '出生年月',
  '政治面貌',
  '学历',
  '学位',
  '毕业院校',
  '专业',
  '职称',
  '准考证号',
  '身份证号',
  '手机号',
  '报考职位代码',
];
const TODAY = new Date('2024-06-01T00:00:00Z');
const ID_1 = identityCardNumber('110105', '19980512', '001');
const ID_2 = identityCardNumber('110105', '19990130', '002');
const ID_3 = identityCardNumber('330102', '19970704', '003');

const applicantRow = (overrides: Partial<Record<string, CellValue>> = {}): CellValue[] => {
  const values: Record<string, CellValue> = {
    姓名: '示例甲',
    性别: '男',
    民族: '汉族',
    出生年月: '1998-05',
    政治面貌: '中共党员',
    学历: '本科',
    学位: '学士',
    毕业院校: '示例大学',
    专业: '法学',
    职称: '',
    准考证号: '2024010101',
    身份证号: ID_1,
    手机号: '13800138000',
    报考职位代码: 'P001',
    ...overrides,
  };
  return HEADER.map((name) => values[name] ?? null);
};

const read = async (rows: CellValue[][]) => readApplicantRoster(await buildWorkbook({ rows }), { today: TODAY });

describe('readApplicantRoster', () => {
  it('reads a clean roster into applicants, with the Excel row of each', async () => {
    const reading = await read([
      HEADER,
      applicantRow(),
      applicantRow({
        姓名: '示例乙',
        性别: '女',
        准考证号: 2024010102,
        身份证号: ID_2.toLowerCase(),
        出生年月: new Date('1999-01-01T00:00:00Z'),
        手机号: '+86 139-0013-9000',
        职称: null,
      }),
    ]);

    expect(reading).toEqual({
      ok: true,
      rows: [
        {
          row: 2,
          applicant: {
            ticket: '2024010101',
            postCode: 'P001',
            name: '示例甲',
            gender: '男',
            ethnicity: '汉族',
            birthMonth: '1998-05',
            politicalStatus: '中共党员',
            education: '本科',
            degree: '学士',
            school: '示例大学',
            major: '法学',
            idCardNumber: ID_1,
            phone: '13800138000',
          },
        },
        {
          row: 3,
          applicant: expect.objectContaining({
            ticket: '2024010102',
            name: '示例乙',
            gender: '女',
            birthMonth: '1999-01',
            idCardNumber: ID_2,
            phone: '13900139000',
          }) as unknown,
        },
      ],
    });
  });

  it('reports every wrong row by row and column, and returns no rows', async () => {
    const wrongCheck = ID_3.slice(0, 17) + (ID_3.endsWith('0') ? '1' : '0');
    const reading = await read([
      HEADER,
      applicantRow(),
      applicantRow({ 姓名: '', 性别: '未知', 准考证号: '2024010102', 身份证号: wrongCheck }),
      applicantRow({ 准考证号: '2024010101', 身份证号: ID_2, 手机号: '12345', 出生年月: '98年' }),
      [],
      applicantRow({ 准考证号: '2024010104', 身份证号: ID_1, 报考职位代码: null }),
    ]);

    expect(reading.ok).toBe(false);
    expect(reading.ok ? [] : reading.errors.map((error) => error.message)).toEqual([
      '第3行 姓名：不能为空',
      '第3行 性别：应为“男”或“女”，不是“未知”',
      '第3行 身份证号：校验位不正确',
      '第4行 出生年月：“98年”不是可识别的年月，请写成 1998-05、1998.05 或 1998年5月',
      '第4行 手机号：应为11位手机号码（可带+86）',
      '第4行 准考证号：与第2行重复',
      '第6行 报考职位代码：不能为空',
      '第6行 身份证号：与第2行重复',
    ]);
    expect(reading.ok ? undefined : reading.errors[0]).toEqual({
      row: 3,
      column: '姓名',
      message: '第3行 姓名：不能为空',
    });
  });

  it('finds the header below a title row, in any column order, with spaced and starred names', async () => {
    const reading = await read([
      ['某县2024年考试录用公务员报名人员名单'],
      [' 报考职位代码 ', '*身份证号', '准考证号', '姓  名', '性别', '出生年月'],
      ['P002', ID_3, '2024020101', '示例丙', '女', '1997年7月'],
      ['P002', ID_2, '2024020102', '示例丁', '男', 199901],
    ]);

    expect(reading).toEqual({
      ok: true,
      rows: [
        {
          row: 3,
          applicant: {
            postCode: 'P002',
            idCardNumber: ID_3,
            ticket: '2024020101',
            name: '示例丙',
            gender: '女',
            birthMonth: '1997-07',
          },
        },
        {
          row: 4,
          applicant: {
            postCode: 'P002',
            idCardNumber: ID_2,
            ticket: '2024020102',
            name: '示例丁',
            gender: '男',
            birthMonth: '1999-01',
          },
        },
      ],
    });
  });

  it.each([
    ['1998.05', '1998-05'],
    ['1998/5/12', '1998-05'],
    ['1998年10月', '1998-10'],
    ['199805', '1998-05'],
    [1998.1, '1998-10'],
    [1998.05, '1998-05'],
  ])('reads 出生年月 %p as %p', async (typed, month) => {
    const reading = await read([HEADER, applicantRow({ 出生年月: typed })]);
    expect(reading.ok && reading.rows[0]?.applicant.birthMonth).toBe(month);
  });

  it('refuses an id card typed as a number, which Excel has already rounded', async () => {
    const reading = await read([HEADER, applicantRow({ 身份证号: Number(ID_1) })]);
    expect(reading).toEqual({
      ok: false,
      errors: [
        {
          row: 2,
          column: '身份证号',
          message: '第2行 身份证号：以数字格式保存会丢失末几位，请将该列设置为文本格式后重新填写',
        },
      ],
    });
  });

  it('takes formulas by their result and rich text by its text', async () => {
    const reading = await read([
      HEADER,
      applicantRow({
        姓名: { richText: [{ text: '示例' }, { text: '戊', font: { bold: true } }] },
        准考证号: { formula: '="2024"&"010105"', result: '2024010105' },
      }),
    ]);
    expect(reading.ok && reading.rows[0]?.applicant).toMatchObject({ name: '示例戊', ticket: '2024010105' });
  });

  it('names the required columns a file lacks', async () => {
    const reading = await read([
      ['姓名', '性别', '手机号'],
      ['示例甲', '男', '13800138000'],
    ]);
    expect(reading).toEqual({
      ok: false,
      errors: [{ message: '缺少必填列：准考证号、身份证号、报考职位代码（表头须在前10行内）' }],
    });
  });

  it('refuses a file that is not .xlsx, and one with more rows than allowed', async () => {
    await expect(readApplicantRoster(Buffer.from('姓名,性别\n示例甲,男\n'))).resolves.toEqual({
      ok: false,
      errors: [{ message: '文件不是 .xlsx 格式的 Excel 工作簿，请用 Excel 或 WPS 另存为 .xlsx 后重新上传' }],
    });
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await expect(readApplicantRoster(xls)).resolves.toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('.xls') as unknown }],
    });

    const file = await buildWorkbook({
      rows: [HEADER, applicantRow(), applicantRow({ 准考证号: '2', 身份证号: ID_2 })],
    });
    await expect(readApplicantRoster(file, { maxRows: 1, today: TODAY })).resolves.toEqual({
      ok: false,
      errors: [{ message: '文件有2行数据，超过一次导入的上限1行，请分文件导入' }],
    });
  });
});
