import type { AnnualFigures } from '../statistics/annual-figures';

/**
 * The annual report's section 一(三), written from the figures alone: every number is computed
 * from events and links to the events it counts (GET /statistics/annual/:year/facts), or, for
 * the year's rounds, to the rounds it sums (GET /rounds?year=).
 */
export interface ReportOptions {
  /** How the county names itself in the report (XX县). */
  countyName: string;
  stageLabels: Record<string, string>;
}

interface Figure {
  value: number;
  metric: string;
  dimension?: string;
  cumulative?: boolean;
}

/** A figure of the year's rounds, linked to the list of those rounds. */
interface RoundsFigure {
  value: number;
  href: string;
}

type Part = string | Figure | RoundsFigure;

const MONTHS = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];

function linkOf(stats: AnnualFigures, figure: Figure | RoundsFigure): string {
  if ('href' in figure) return figure.href;
  const query = new URLSearchParams({ metric: figure.metric });
  if (figure.dimension) query.set('dimension', figure.dimension);
  if (figure.cumulative) query.set('cumulative', 'true');
  if (stats.asOf) query.set('asOf', stats.asOf);
  return `/statistics/annual/${stats.year}/facts?${query.toString()}`;
}

/**
 * 「全年组织招录批次3批，设置职位13个、招录计划50名，报名153人，报录比3.06:1，递补6人。」, where the
 * year had rounds. The 报录比 is a quotient of the two linked figures before it, so it is not linked.
 */
function roundParts(stats: AnnualFigures): Part[] {
  const total = stats.rounds?.total;
  if (!total || total.rounds === 0) return [];
  const href = `/rounds?year=${stats.year}`;
  const r = (value: number): RoundsFigure => ({ value, href });
  return [
    '全年组织招录批次',
    r(total.rounds),
    '批，设置职位',
    r(total.posts),
    '个、招录计划',
    r(total.places),
    '名，报名',
    r(total.applicants),
    `人，报录比${total.applicantsPerPlace ?? 0}:1，递补`,
    r(total.substitutions),
    '人。',
  ];
}

function paragraphs(stats: AnnualFigures): Array<{ heading: string; parts: Part[] }> {
  const recruited = stats.recruitment.recruitedByChannel;
  const experts = stats.expertCooperation;
  const f = (value: number | undefined, metric: string, dimension?: string, cumulative = false): Figure => ({
    value: value ?? 0,
    metric,
    ...(dimension && { dimension }),
    ...(cumulative && { cumulative }),
  });
  const newWorkstations = Object.values(experts.workstationsEstablished).reduce((sum, value) => sum + value, 0);
  return [
    {
      heading: '一是立足队伍建设做好“刚性引才”。',
      parts: [
        '今年新招录公务员',
        f(recruited.civil_servant, 'recruited', 'civil_servant'),
        '人，校园直招教师',
        f(recruited.campus_teacher, 'recruited', 'campus_teacher'),
        '人，调入引进紧缺型人才',
        f(recruited.shortage_talent, 'recruited', 'shortage_talent'),
        '人，引进高层次人才',
        f(recruited.high_level_talent, 'recruited', 'high_level_talent'),
        '人。',
        ...roundParts(stats),
      ],
    },
    {
      heading: '二是立足作用发挥做好“柔性引才”。',
      parts: [
        '同',
        f(experts.cooperationIntents, 'cooperation_intents'),
        '位专家达成合作意向，其中聘任产业发展顾问',
        f(experts.consultantsAppointed, 'consultants_appointed'),
        '人、达成合作框架协议',
        f(experts.agreementsSigned, 'agreements_signed'),
        '个。截至目前，共建成专家基层科研工作站',
        f(
          experts.workstationsCumulative.grassroots_research_workstation,
          'workstations_established',
          'grassroots_research_workstation',
          true,
        ),
        '个、院士专家工作站',
        f(
          experts.workstationsCumulative.academician_workstation,
          'workstations_established',
          'academician_workstation',
          true,
        ),
        `个，${stats.year}年新建专家工作站`,
        f(newWorkstations, 'workstations_established'),
        '个。',
      ],
    },
    {
      heading: '三是深入实施归雁工程。',
      parts: [
        '回流人才稳定落地',
        f(stats.returningTalents.settled, 'returning_talents', 'settled'),
        '人，无意回流',
        f(stats.returningTalents.not_returning, 'returning_talents', 'not_returning'),
        '人，再次外流',
        f(stats.returningTalents.left_again, 'returning_talents', 'left_again'),
        '人。',
      ],
    },
  ];
}

/** The figures the report prints and links to their facts, in the order it prints them. */
export function linkedFigures(stats: AnnualFigures): Array<{
  metric: string;
  dimension: string | null;
  cumulative: boolean;
  value: number;
}> {
  return paragraphs(stats)
    .flatMap(({ parts }) => parts)
    .filter((part): part is Figure => typeof part !== 'string' && 'metric' in part)
    .map((figure) => ({
      metric: figure.metric,
      dimension: figure.dimension ?? null,
      cumulative: figure.cumulative ?? false,
      value: figure.value,
    }));
}

function bars(values: Array<{ label: string; value: number }>): string[] {
  const widest = Math.max(1, ...values.map((entry) => entry.value));
  const labelWidth = Math.max(...values.map((entry) => entry.label.length));
  return values.map(
    (entry) =>
      `${entry.label.padEnd(labelWidth, '　')} ${'█'.repeat(Math.round((entry.value / widest) * 30))} ${entry.value}`,
  );
}

const KIND_LABELS: Record<string, string> = {
  recruitment: '引才',
  expert_workstation: '专家',
  returning_talent: '归雁',
};

function stageBars(stats: AnnualFigures, options: ReportOptions) {
  return stats.openCases.map((row) => ({
    label: `${KIND_LABELS[row.kind] ?? row.kind}·${options.stageLabels[row.stage] ?? row.stage}`,
    value: row.open,
    overdue: row.overdue,
  }));
}

function title(stats: AnnualFigures, options: ReportOptions): string {
  return `${options.countyName}${stats.year}年度人才工作统计`;
}

function subtitle(stats: AnnualFigures): string {
  return stats.asOf ? `数据截至 ${stats.asOf}（按登记时间）` : '数据截至生成时';
}

export function renderMarkdown(stats: AnnualFigures, options: ReportOptions): string {
  const text = (parts: Part[]) =>
    parts.map((part) => (typeof part === 'string' ? part : `[${part.value}](${linkOf(stats, part)})`)).join('');
  const quotaRows = Object.entries(stats.quotas).map(
    ([category, q]) =>
      `| ${category === 'high_level_talent' ? '高层次人才' : '紧缺型人才'} | ${q.reserved} | ${q.used} | ${q.released} |`,
  );
  return [
    `# ${title(stats, options)}`,
    '',
    `> ${subtitle(stats)}。每个数字链接到它所统计的事件。`,
    '',
    '## （三）广开进贤之路，打造优秀人才“集聚地”',
    '',
    ...paragraphs(stats).flatMap(({ heading, parts }) => [`${heading}${text(parts)}`, '']),
    '## 编制储备与人才经费',
    '',
    '| 类别 | 储备 | 使用 | 释放 |',
    '| --- | ---: | ---: | ---: |',
    ...quotaRows,
    '',
    `人才经费：已承诺 ${stats.fund.committedCny} 元，已拨付 ${stats.fund.disbursedCny} 元，已释放 ${stats.fund.releasedCny} 元，违约退还 ${stats.fund.returnedCny} 元。`,
    '',
    '## 在办案件（按环节）',
    '',
    '```',
    ...(stats.openCases.length ? bars(stageBars(stats, options)) : ['（无在办案件）']),
    '```',
    '',
    '## 每月新立案件',
    '',
    '```',
    ...bars(stats.casesOpenedByMonth.map((value, index) => ({ label: MONTHS[index]!, value }))),
    '```',
    '',
  ].join('\n');
}

const escape = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function svgBars(values: Array<{ label: string; value: number }>, caption: string): string {
  const widest = Math.max(1, ...values.map((entry) => entry.value));
  const rowHeight = 22;
  const rows = values
    .map((entry, index) => {
      const y = index * rowHeight;
      const width = Math.round((entry.value / widest) * 360);
      return (
        `<text x="0" y="${y + 15}" font-size="13">${escape(entry.label)}</text>` +
        `<rect x="130" y="${y + 4}" width="${width}" height="14" fill="#c0392b"/>` +
        `<text x="${136 + width}" y="${y + 15}" font-size="12">${entry.value}</text>`
      );
    })
    .join('');
  return `<figure><svg role="img" aria-label="${escape(caption)}" width="560" height="${values.length * rowHeight + 4}">${rows}</svg><figcaption>${escape(caption)}</figcaption></figure>`;
}

export function renderHtml(stats: AnnualFigures, options: ReportOptions): string {
  const text = (parts: Part[]) =>
    parts
      .map((part) =>
        typeof part === 'string' ? escape(part) : `<a href="${escape(linkOf(stats, part))}">${part.value}</a>`,
      )
      .join('');
  const stages = stageBars(stats, options);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title(stats, options))}</title>
<style>body{font-family:"Noto Sans SC","Microsoft YaHei",sans-serif;max-width:760px;margin:2em auto;line-height:1.8}
a{color:#c0392b;font-weight:bold;text-decoration:none}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 10px}</style>
</head><body>
<h1>${escape(title(stats, options))}</h1>
<p><small>${escape(subtitle(stats))}。每个数字链接到它所统计的事件。</small></p>
<h2>（三）广开进贤之路，打造优秀人才“集聚地”</h2>
${paragraphs(stats)
  .map(({ heading, parts }) => `<p>${escape(heading)}${text(parts)}</p>`)
  .join('\n')}
<h2>编制储备与人才经费</h2>
<table><tr><th>类别</th><th>储备</th><th>使用</th><th>释放</th></tr>
${Object.entries(stats.quotas)
  .map(
    ([category, q]) =>
      `<tr><td>${category === 'high_level_talent' ? '高层次人才' : '紧缺型人才'}</td><td>${q.reserved}</td><td>${q.used}</td><td>${q.released}</td></tr>`,
  )
  .join('\n')}
</table>
<p>人才经费：已承诺 ${stats.fund.committedCny} 元，已拨付 ${stats.fund.disbursedCny} 元，已释放 ${stats.fund.releasedCny} 元，违约退还 ${stats.fund.returnedCny} 元。</p>
<h2>在办案件（按环节）</h2>
${stages.length ? svgBars(stages, '在办案件（按环节）') : '<p>（无在办案件）</p>'}
<h2>每月新立案件</h2>
${svgBars(
  stats.casesOpenedByMonth.map((value, index) => ({ label: MONTHS[index]!, value })),
  `${stats.year}年每月新立案件`,
)}
</body></html>
`;
}
