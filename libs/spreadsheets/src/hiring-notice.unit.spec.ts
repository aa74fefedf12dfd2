import { type HiringNotice, renderNoticeText } from './hiring-notice';

const notice: HiringNotice = {
  roundTitle: '某县2024年考试录用公务员',
  basis: '《公务员录用规定》等有关规定',
  procedures: ['笔试', '面试', '体检', '考察'],
  people: [
    {
      postCode: 'P001',
      unit: '某县财政局',
      postTitle: '综合管理',
      name: '示例甲',
      gender: '男',
      ticket: '2024010101',
      composite: 82.3,
      rank: 1,
    },
    {
      postCode: 'P002',
      unit: '某县司法局',
      postTitle: '法律事务',
      name: '示例乙',
      gender: '女',
      ticket: '2024010205',
      composite: 79.125,
      rank: 1,
    },
  ],
  period: { startsOn: '2024-07-01', endsOn: '2024-07-05', length: '5个工作日' },
  contact: '公示期间，如有异议，请以书面形式向某县人力资源和社会保障局反映。受理电话：0000-1234567',
  office: '某县人力资源和社会保障局',
  issuedOn: '2024-06-28',
};

describe('renderNoticeText', () => {
  it('renders the 公示 with its table, period, contact, office and date', () => {
    expect(renderNoticeText(notice).split('\n')).toEqual([
      '某县2024年考试录用公务员拟录用人员公示',
      '',
      '根据《公务员录用规定》等有关规定，经笔试、面试、体检和考察等程序，确定某县2024年考试录用公务员拟录用人员2名，现予以公示。',
      '',
      '职位代码\t招录单位\t职位名称\t姓名\t性别\t准考证号\t综合成绩\t名次',
      'P001\t某县财政局\t综合管理\t示例甲\t男\t2024010101\t82.30\t1',
      'P002\t某县司法局\t法律事务\t示例乙\t女\t2024010205\t79.13\t1',
      '',
      '公示时间：2024年7月1日至2024年7月5日（5个工作日）',
      '公示期间，如有异议，请以书面形式向某县人力资源和社会保障局反映。受理电话：0000-1234567',
      '',
      '某县人力资源和社会保障局',
      '2024年6月28日',
      '',
    ]);
  });

  it('adds 学历 and 毕业院校 columns when the people have them', () => {
    const [first, second] = notice.people;
    const text = renderNoticeText({
      ...notice,
      people: [{ ...first!, education: '本科', school: '示例大学' }, second!],
    });
    expect(text).toContain('职位代码\t招录单位\t职位名称\t姓名\t性别\t学历\t毕业院校\t准考证号\t综合成绩\t名次\n');
    expect(text).toContain('P002\t某县司法局\t法律事务\t示例乙\t女\t\t\t2024010205\t79.13\t1\n');
  });

  it('refuses a notice without people or with a malformed date', () => {
    expect(() => renderNoticeText({ ...notice, people: [] })).toThrow('at least one person');
    expect(() => renderNoticeText({ ...notice, issuedOn: '2024/6/28' })).toThrow('YYYY-MM-DD');
  });
});
