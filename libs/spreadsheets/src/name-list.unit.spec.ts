import { Workbook } from 'exceljs';
import { writeNameList } from './name-list';

describe('writeNameList', () => {
  it('writes a printable list that reads back with its title, headers and values', async () => {
    const file = await writeNameList({
      title: '某县2024年考试录用公务员体检人员名单',
      columns: [
        { header: '职位代码', key: 'postCode', width: 10 },
        { header: '姓名', key: 'name' },
        { header: '准考证号', key: 'ticket', width: 14 },
        { header: '综合成绩', key: 'composite' },
      ],
      rows: [
        { postCode: 'P001', name: '示例甲', ticket: '2024010101', composite: 82.35 },
        { postCode: 'P001', name: '示例乙', ticket: '2024010102', composite: null },
      ],
    });

    const workbook = new Workbook();
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

    expect(sheet.name).toBe('名单');
    expect(sheet.getCell('A1').value).toBe('某县2024年考试录用公务员体检人员名单');
    expect(sheet.getCell('D1').master.address).toBe('A1');
    expect(values(2)).toEqual(['职位代码', '姓名', '准考证号', '综合成绩']);
    expect(values(3)).toEqual(['P001', '示例甲', '2024010101', 82.35]);
    expect(values(4)).toEqual(['P001', '示例乙', '2024010102']);
    expect(sheet.getCell('B3').font.name).toBe('宋体');
    expect(sheet.getCell('B3').border.bottom?.style).toBe('thin');
    expect(sheet.getColumn(3).width).toBe(14);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '2:2' });
  });
});
