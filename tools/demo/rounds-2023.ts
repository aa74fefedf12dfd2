/**
 * The county's three recruitment rounds of 2023 (招录批次), one per channel, whose places add up to
 * the year's hires: 32 civil servants, 8 campus teachers, 10 shortage talents. Rosters and scores
 * follow simple rules so that the ranking is known by construction: within a post the n-th applicant
 * ranks n-th, the last fails 资格审查, and a few miss an exam or fall below its pass mark.
 */

/** What becomes of a candidate sent on to 体检; those not named here go through to 转正. */
export type Fate =
  /** 体检 failed, 复检 asked for and failed: dropped out, replaced (递补). */
  | 'failedReexamination'
  /** 体检 failed and no 复检 asked for within the 7 days: dropped out, replaced. */
  | 'noReexamination'
  /** 体检 failed, 复检 passed: hired all the same. */
  | 'reexaminedHired'
  /** 考察 failed: dropped out, replaced. */
  | 'failedInspection'
  /** Withdrew during 考察: dropped out, replaced. */
  | 'withdrew'
  | 'hired';

export const DROPPING_OUT: ReadonlySet<Fate> = new Set([
  'failedReexamination',
  'noReexamination',
  'failedInspection',
  'withdrew',
]);

export type RoundChannel = 'civil_servant' | 'campus_teacher' | 'shortage_talent';

export interface PostSpec {
  code: string;
  unit: string;
  title: string;
  places: number;
  applicants: number;
}

export interface RoundSpec {
  roundId: string;
  channel: RoundChannel;
  title: string;
  method: 'exam' | 'assessment';
  /** The office dates of the round's steps, in the order they happened. */
  dates: {
    announcedOn: string;
    registrationOpensOn: string;
    registrationClosesOn: string;
    importedOn: string;
    reviewedOn: string;
    firstScoresOn: string;
    shortlistedOn?: string;
    interviewOn?: string;
    rankedOn: string;
    /** 进入体检: the candidates' cases open at 体检 that day. */
    advancedOn: string;
  };
  posts: PostSpec[];
  /** Candidates within the places whose year differs from a plain hire, by `${postCode}#${rank}`. */
  fates: Record<string, Fate>;
  /** The 公告's 递补 limit: at most this many per post, and none after 考察 (考察后不递补). */
  maxSubstitutionsPerPost: number;
}

export const ROUNDS_2023: RoundSpec[] = [
  {
    roundId: 'gwy-2023',
    channel: 'civil_servant',
    title: 'XX县2023年度考试录用公务员公告',
    method: 'exam',
    dates: {
      announcedOn: '2023-02-20',
      registrationOpensOn: '2023-02-25',
      registrationClosesOn: '2023-03-04',
      importedOn: '2023-03-06',
      reviewedOn: '2023-03-10',
      firstScoresOn: '2023-04-10',
      shortlistedOn: '2023-04-12',
      interviewOn: '2023-05-13',
      rankedOn: '2023-05-15',
      advancedOn: '2023-06-01',
    },
    posts: [
      { code: 'G01', unit: '县委办公室', title: '一级科员', places: 8, applicants: 27 },
      { code: 'G02', unit: '县财政局', title: '一级科员', places: 6, applicants: 21 },
      { code: 'G03', unit: '县人力资源和社会保障局', title: '一级科员', places: 6, applicants: 21 },
      { code: 'G04', unit: '县司法局', title: '四级主任科员及以下', places: 4, applicants: 15 },
      { code: 'G05', unit: '县市场监督管理局', title: '一级科员', places: 4, applicants: 15 },
      { code: 'G06', unit: '县乡镇机关', title: '一级科员', places: 4, applicants: 15 },
    ],
    fates: {
      'G01#2': 'failedReexamination',
      'G01#5': 'noReexamination',
      'G02#1': 'failedInspection',
      'G03#4': 'withdrew',
      'G04#2': 'reexaminedHired',
    },
    maxSubstitutionsPerPost: 2,
  },
  {
    roundId: 'xyzp-2023',
    channel: 'campus_teacher',
    title: 'XX县2023年校园直接考核招聘教师公告',
    method: 'assessment',
    dates: {
      announcedOn: '2023-03-15',
      registrationOpensOn: '2023-03-20',
      registrationClosesOn: '2023-03-27',
      importedOn: '2023-03-28',
      reviewedOn: '2023-03-30',
      firstScoresOn: '2023-04-15',
      rankedOn: '2023-04-17',
      advancedOn: '2023-05-08',
    },
    posts: [
      { code: 'T01', unit: '县第一中学', title: '高中语文教师', places: 3, applicants: 6 },
      { code: 'T02', unit: '县第一中学', title: '高中数学教师', places: 3, applicants: 6 },
      { code: 'T03', unit: '县第二小学', title: '小学英语教师', places: 2, applicants: 5 },
    ],
    fates: { 'T01#2': 'reexaminedHired' },
    maxSubstitutionsPerPost: 1,
  },
  {
    roundId: 'jqrc-2023',
    channel: 'shortage_talent',
    title: 'XX县2023年调入引进紧缺型人才公告',
    method: 'assessment',
    dates: {
      announcedOn: '2023-02-01',
      registrationOpensOn: '2023-02-06',
      registrationClosesOn: '2023-02-15',
      importedOn: '2023-02-16',
      reviewedOn: '2023-02-20',
      firstScoresOn: '2023-03-10',
      rankedOn: '2023-03-13',
      advancedOn: '2023-04-03',
    },
    posts: [
      { code: 'Q01', unit: '县人民医院', title: '临床医师', places: 4, applicants: 7 },
      { code: 'Q02', unit: '县中医医院', title: '中医师', places: 3, applicants: 6 },
      { code: 'Q03', unit: '县职业高级中学', title: '玉雕专业教师', places: 2, applicants: 5 },
      { code: 'Q04', unit: '县农业农村局', title: '咖啡种植技术员', places: 1, applicants: 4 },
    ],
    fates: { 'Q01#3': 'failedInspection', 'Q02#1': 'noReexamination' },
    maxSubstitutionsPerPost: 1,
  },
];

/** 准考证号 of a post's n-th applicant (1-based): unique over the year's rounds. */
export const ticketOf = (spec: RoundSpec, post: number, n: number): string =>
  `2023${ROUNDS_2023.indexOf(spec) + 1}${String(post + 1).padStart(2, '0')}${String(n).padStart(3, '0')}`;

/** The last applicant of every post fails 资格审查. */
export const failsReview = (post: PostSpec, n: number): boolean => n === post.applicants;

/** 缺考 (exam rounds): the last qualified applicant of each post did not sit the 笔试. */
const absentFromWritten = (post: PostSpec, n: number): boolean => n === post.applicants - 1;

/** 笔试 scores fall with n, so the 1:3 面试名单 takes the first 3 × places. */
export const writtenScore = (post: PostSpec, n: number): number | '缺考' =>
  absentFromWritten(post, n) ? '缺考' : 88 - n * 0.5;

export const shortlisted = (post: PostSpec, n: number): boolean => n <= post.places * 3;

/** The last of the 面试名单 falls below the 面试 pass mark of 60 and is not ranked. */
export const interviewScore = (post: PostSpec, n: number): number => (n === post.places * 3 ? 55 : 90 - n * 0.5);

/** 考核 scores fall with n; the last qualified applicant falls below the pass mark of 60. */
export const assessmentScore = (post: PostSpec, n: number): number => (n === post.applicants - 1 ? 55 : 95 - n * 2);

/** The round's figures the demo makes, computed from the specs: what the annual statistics must show. */
export function expectedRoundFigures(rounds: readonly RoundSpec[] = ROUNDS_2023) {
  const posts = rounds.flatMap((round) => round.posts);
  const dropouts = rounds.flatMap((round) => Object.values(round.fates)).filter((fate) => DROPPING_OUT.has(fate));
  const places = posts.reduce((sum, post) => sum + post.places, 0);
  return {
    rounds: rounds.length,
    posts: posts.length,
    places,
    applicants: posts.reduce((sum, post) => sum + post.applicants, 0),
    // Every drop-out is replaced, and every place ends hired.
    hired: places,
    substitutions: dropouts.length,
  };
}
