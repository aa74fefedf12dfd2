import { readScoreSheet } from './score-sheet';
import { buildWorkbook } from './sheet-builder';

describe('readScoreSheet', () => {
  it('reads scores, with 缺考 as null and the name when the sheet has one', async () => {
    const file = await buildWorkbook({
      rows: [
        ['某县2024年考试录用公务员笔试成绩'],
        ['序号', '姓名', '准考证号', '笔试成绩'],
        [1, '示例甲', '2024010101', 78.5],
        [2, '示例乙', 2024010102, '81.25'],
        [3, '示例丙', '2024010103', '缺考'],
      ],
    });

    await expect(readScoreSheet(file, 'written')).resolves.toEqual({
      ok: true,
      rows: [
        { row: 3, ticket: '2024010101', score: 78.5, name: '示例甲' },
        { row: 4, ticket: '2024010102', score: 81.25, name: '示例乙' },
        { row: 5, ticket: '2024010103', score: null, name: '示例丙' },
      ],
    });
  });

  it('accepts a column named just 成绩 for any exam', async () => {
    const file = await buildWorkbook({
      rows: [
        ['准考证号', '成绩'],
        ['2024010101', 88],
      ],
    });
    await expect(readScoreSheet(file, 'interview')).resolves.toEqual({
      ok: true,
      rows: [{ row: 2, ticket: '2024010101', score: 88 }],
    });
  });

  it('names every out-of-range, unreadable, empty and duplicated score', async () => {
    const file = await buildWorkbook({
      rows: [
        ['准考证号', '面试成绩'],
        ['2024010101', 101],
        ['2024010102', -1],
        ['2024010103', '八十'],
        ['2024010104', 85.555],
        ['2024010105', null],
        ['2024010101', 80],
        [null, 70],
      ],
    });

    const reading = await readScoreSheet(file, 'interview');
    expect(reading.ok ? [] : reading.errors.map((error) => error.message)).toEqual([
      '第2行 面试成绩：101超出0至100分的范围',
      '第3行 面试成绩：-1超出0至100分的范围',
      '第4行 面试成绩：“八十”不是成绩：应为0至100的数字，或“缺考”',
      '第5行 面试成绩：85.555超过两位小数',
      '第6行 面试成绩：不能为空，缺考请填“缺考”',
      '第7行 准考证号：与第2行重复',
      '第8行 准考证号：不能为空',
    ]);
  });

  it('names the exam’s score column when the sheet has none', async () => {
    const file = await buildWorkbook({
      rows: [
        ['准考证号', '笔试成绩'],
        ['2024010101', 80],
      ],
    });
    await expect(readScoreSheet(file, 'assessment')).resolves.toEqual({
      ok: false,
      errors: [{ message: '缺少必填列：考核成绩（表头须在前10行内）' }],
    });
  });
});
