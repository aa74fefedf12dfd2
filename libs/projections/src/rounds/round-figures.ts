import type { PostCounter } from './round-tables';

/** The counters of a post or a round, as round_posts and round_list store them. */
export type CounterRow = Record<PostCounter, number> & { places: number; unfilled: number | null };

export interface RoundCounts {
  applicants: number;
  /** 资格审查: reviewed, and passed. */
  reviewed: number;
  qualified: number;
  /** Scored in each exam (an absent applicant, 缺考, is not). */
  writtenPresent: number;
  interviewPresent: number;
  assessmentPresent: number;
  /** 进入面试. */
  shortlisted: number;
  scored: number;
  ranked: number;
  /** Ranked, but still tied after the rules: an officer has to order them. */
  tiesPending: number;
  /** 进入体检, by the ranking or by a 递补. */
  advanced: number;
  physicalExamPassed: number;
  physicalExamFailed: number;
  inspectionPassed: number;
  inspectionFailed: number;
  /** Advanced and their case still open: the place is taken, not yet filled. */
  inProgress: number;
  hired: number;
  droppedOut: number;
  /** 递补. */
  substitutions: number;
}

/** A share of one count in another; rate is null when there is nothing to divide by. */
export interface StageRate {
  label: string;
  of: number;
  passed: number;
  rate: number | null;
}

export interface RoundFigures {
  /** 报录比: applicants per place, two decimals; null without places. */
  applicantsPerPlace: number | null;
  stageRates: {
    qualificationReview: StageRate;
    writtenExam: StageRate;
    interview: StageRate;
    assessment: StageRate;
    physicalExam: StageRate;
    inspection: StageRate;
  };
  placesFilled: number;
  /** Places with nobody hired and nobody on the way: the places − hired − in progress. */
  placesUnfilled: number;
  substitutions: number;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export const perPlace = (applicants: number, places: number): number | null =>
  places > 0 ? round(applicants / places, 2) : null;

const stageRate = (label: string, of: number, passed: number): StageRate => ({
  label,
  of,
  passed,
  rate: of > 0 ? round(passed / of, 4) : null,
});

export function countsOf(row: CounterRow): RoundCounts {
  return {
    applicants: row.applicants,
    reviewed: row.reviewed,
    qualified: row.qualified,
    writtenPresent: row.written_present,
    interviewPresent: row.interview_present,
    assessmentPresent: row.assessment_present,
    shortlisted: row.shortlisted,
    scored: row.scored,
    ranked: row.ranked,
    tiesPending: row.ties_pending,
    advanced: row.advanced,
    physicalExamPassed: row.physical_exam_passed,
    physicalExamFailed: row.physical_exam_failed,
    inspectionPassed: row.inspection_passed,
    inspectionFailed: row.inspection_failed,
    inProgress: row.in_progress,
    hired: row.hired,
    droppedOut: row.dropped_out,
    substitutions: row.substitutions,
  };
}

/**
 * The figures an office reports for a post or a round. 体检 and 考察 rates count the decided
 * candidates only: one still being examined has neither passed nor failed.
 */
export function figuresOf(row: CounterRow): RoundFigures {
  return {
    applicantsPerPlace: perPlace(row.applicants, row.places),
    stageRates: {
      qualificationReview: stageRate('资格审查通过率', row.reviewed, row.qualified),
      writtenExam: stageRate('笔试参考率', row.qualified, row.written_present),
      interview: stageRate('面试参考率', row.shortlisted, row.interview_present),
      assessment: stageRate('考核参考率', row.qualified, row.assessment_present),
      physicalExam: stageRate(
        '体检合格率',
        row.physical_exam_passed + row.physical_exam_failed,
        row.physical_exam_passed,
      ),
      inspection: stageRate('考察合格率', row.inspection_passed + row.inspection_failed, row.inspection_passed),
    },
    placesFilled: row.hired,
    placesUnfilled: row.unfilled ?? Math.max(row.places - row.hired - row.in_progress, 0),
    substitutions: row.substitutions,
  };
}
