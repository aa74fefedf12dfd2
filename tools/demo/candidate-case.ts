import { type ApiClient, approver, officer, secondOfficer } from '@talent/api-client';
import type { Fate, RoundChannel } from './rounds-2023';

/** Beijing-time instant of a date and hour: the office's calendar. */
export const on = (date: string, hour = 10): string => `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;

/** The office date `days` after `date`. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A candidate's case as a round opened it at 体检. */
export interface Candidate {
  roundId: string;
  channel: RoundChannel;
  postCode: string;
  /** 招录单位: where the candidate reports for duty. */
  unit: string;
  rank: number;
  caseId: string;
  /** The office date the case opened at 体检. */
  enteredOn: string;
}

interface CaseView {
  state: { subsidy?: { committedCny: number } };
}

/** 试用期 is a year from 报到 and cannot be confirmed early: 转正 comes a year and ten days after. */
const PROBATION_DAYS = 375;

/**
 * 体检, and 体检复检 where the candidate failed it. Answers the date the case dropped out, or
 * undefined when it went on to 考察.
 */
async function physicalExam(api: ApiClient, candidate: Candidate, fate: Fate): Promise<string | undefined> {
  const { caseId, enteredOn: day } = candidate;
  const failed = fate === 'failedReexamination' || fate === 'noReexamination' || fate === 'reexaminedHired';
  await api.stepAt(caseId, 'record', { outcome: failed ? 'fail' : 'pass' }, on(addDays(day, 3)));
  if (!failed) return undefined;
  if (fate === 'noReexamination') {
    // 7 days went by without a request for 复检: the office closes the case from the 8th day on.
    await api.stepAt(caseId, 'closeWithoutReexamination', {}, on(addDays(day, 12)));
    return addDays(day, 12);
  }
  await api.stepAt(caseId, 'requestReexamination', {}, on(addDays(day, 5)));
  const outcome = fate === 'reexaminedHired' ? 'pass' : 'fail';
  await api.stepAt(caseId, 'recordReexamination', { outcome }, on(addDays(day, 9)));
  return outcome === 'fail' ? addDays(day, 9) : undefined;
}

/**
 * Drives a candidate's case from 体检 to its end as `fate` says: through 考察, 公示, 审批 (with the
 * authority's reply for civil servants; 备案 and 入编 for 事业编 posts), 报到 and 转正 after a year;
 * introduced talents are paid their subsidy yearly beside it and serve on in their 服务期.
 * Answers the date a drop-out's case closed.
 */
export async function driveCandidate(api: ApiClient, candidate: Candidate, fate: Fate): Promise<string | undefined> {
  const { caseId, channel, enteredOn: day } = candidate;
  const droppedAt = await physicalExam(api, candidate, fate);
  if (droppedAt) return droppedAt;
  const inspected = addDays(day, 16);
  if (fate === 'withdrew') {
    await api.stepAt(caseId, 'withdraw', {}, on(inspected), officer, '考察期间本人书面放弃');
    return inspected;
  }
  const inspection = fate === 'failedInspection' ? 'fail' : 'pass';
  await api.stepAt(caseId, 'record', { outcome: inspection }, on(inspected, 16), secondOfficer);
  if (inspection === 'fail') return inspected;
  // The 公示 was over before it was entered: the officer confirms it ran its course.
  const approvedOn = addDays(day, 40);
  await api.stepAt(caseId, 'confirmNoticeEnded', {}, on(approvedOn, 9));
  const reportsOn = addDays(day, 48);
  if (channel === 'civil_servant') {
    const reply = { replyNumber: `市公务员局复〔2023〕${caseId.slice(-6)}号`, replyDate: approvedOn };
    await api.stepAt(caseId, 'approve', { opinion: '同意录用', ...reply }, on(approvedOn), approver);
  } else {
    const opinion = channel === 'campus_teacher' ? '同意聘用' : '同意引进';
    await api.stepAt(caseId, 'approve', { opinion }, on(approvedOn), approver);
    const filing = { filingNumber: `县人社备〔2023〕${caseId.slice(-6)}号`, filingDate: approvedOn };
    await api.stepAt(caseId, 'recordFiling', filing, on(approvedOn, 15));
    await api.stepAt(caseId, 'recordEstablishment', { establishmentDate: reportsOn }, on(reportsOn, 9));
  }
  await api.stepAt(caseId, 'report', { unit: candidate.unit }, on(reportsOn));
  const confirmedOn = addDays(reportsOn, PROBATION_DAYS);
  if (channel === 'shortage_talent') {
    // The subsidy is committed as 试用期 begins and paid a year at a time against the assessment:
    // the first instalment in 试用期, the next a year later, in the 服务期 that follows 转正.
    const paying = await api.waitFor<CaseView>(caseId, (view) => (view.state.subsidy?.committedCny ?? 0) > 0);
    const half = paying.state.subsidy!.committedCny / 2;
    await api.stepAt(caseId, 'payInstalment', { amountCny: half }, on(addDays(reportsOn, 7)));
    await api.stepAt(caseId, 'confirm', {}, on(confirmedOn));
    await api.stepAt(caseId, 'payInstalment', { amountCny: half }, on(addDays(confirmedOn, 5)));
    return undefined;
  }
  await api.stepAt(caseId, 'confirm', {}, on(confirmedOn));
  return undefined;
}
