import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { ApiClient } from '@talent/api-client';
import { candidateCaseId } from '@talent/activities';
import { toCaseWorkflowId, toPlanWorkflowId, toRoundWorkflowId } from '@talent/domain';
import { repoRoot } from '@talent/local-stack';
import { type Account, OfficeAccounts } from '../demo/office-accounts';
import { roundTasks } from '../demo/recruitment-round';
import { ROUNDS_2023, ticketOf } from '../demo/rounds-2023';

/**
 * `npm run histories:record [label]`: drives a few cases through a running stack and saves their
 * Temporal histories under test/fixtures/histories, where the replay spec replays them against
 * the current workflow code. Run it (against `CASE_DAY_SECONDS=0.05 npm start`) when a change to
 * the workflows is meant to be incompatible and guarded by patched(); commit the new files. Each
 * recording is labelled (by default with the day), and earlier ones are kept: the cases they stand
 * for may still be running, on the paths their patches chose.
 */
const API = process.env.API_URL ?? 'http://127.0.0.1:3000';
const officer: Account = { id: 'officer-wang', role: 'hr_officer' };
const secondOfficer: Account = { id: 'officer-li', role: 'hr_officer' };
const approver: Account = { id: 'leader-zhao', role: 'approver' };

function officeAccounts(): OfficeAccounts {
  const adminId = process.env.ADMIN_ID;
  const adminPassword = process.env.ADMIN_PASSWORD;
  if (!adminId || !adminPassword) {
    throw new Error('Set ADMIN_ID and ADMIN_PASSWORD to an admin of the running stack (npm run admin:bootstrap)');
  }
  return new OfficeAccounts(API, { id: adminId, password: adminPassword });
}
let accounts: OfficeAccounts | undefined;

/** The parts of the api's case view this script reads. */
interface CaseResponse {
  caseId: string;
  stage: { id: string };
  state: { opened: { year: number }; subsidy?: { committedCny: number }; followUpsDue: number };
}

async function call(method: string, url: string, who: Account, body?: unknown): Promise<CaseResponse> {
  accounts ??= officeAccounts();
  const response = await fetch(`${API}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await accounts.headersFor(who)) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json = (await response.json()) as CaseResponse;
  if (response.status >= 300) throw new Error(`${method} ${url} → ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function waitFor(caseId: string, predicate: (view: CaseResponse) => boolean): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (predicate(await call('GET', `/cases/${caseId}`, officer))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`case ${caseId} did not get there`);
}

const today = () => new Date().toISOString().slice(0, 10);

const act = (caseId: string, action: string, payload: object = {}, who = officer, reason?: string) =>
  call('POST', `/cases/${caseId}/actions`, who, { action, payload, ...(reason && { reason }) });

async function civilServantAppointmentCancelled(): Promise<string> {
  const { caseId } = await call('POST', '/cases', officer, {
    kind: 'recruitment',
    channel: 'civil_servant',
    subject: { name: '张三' },
  });
  await act(caseId, 'register', { post: '一级科员' });
  for (const payload of [
    { outcome: 'pass' },
    { outcome: 'pass', score: 80 },
    { outcome: 'pass', score: 88 },
    { outcome: 'pass' },
  ]) {
    await act(caseId, 'record', payload);
  }
  await act(caseId, 'record', { outcome: 'pass' }, secondOfficer);
  await waitFor(caseId, (view) => view.stage.id === 'approval');
  // The municipal civil-service authority's reply (批复) is what the approval records.
  const reply = { replyNumber: '市公务员局复〔2023〕8号', replyDate: today() };
  await act(caseId, 'approve', { opinion: '同意', ...reply }, approver);
  await act(caseId, 'report', { unit: '县人社局' });
  await act(caseId, 'cancelAppointment', {}, officer, '试用期内本人辞职');
  return caseId;
}

async function shortageTalentWithObjection(): Promise<string> {
  const { caseId } = await call('POST', '/cases', officer, {
    kind: 'recruitment',
    channel: 'shortage_talent',
    subject: { name: '李医生' },
  });
  await waitFor(caseId, (view) => view.stage.id === 'application');
  await act(caseId, 'register', { post: '影像科医师' });
  await act(caseId, 'record', { outcome: 'pass' });
  await act(caseId, 'record', { outcome: 'pass', method: 'practical' });
  await act(caseId, 'record', { outcome: 'pass' });
  await act(caseId, 'record', { outcome: 'pass' });
  await act(caseId, 'raiseObjection', { grounds: '匿名来信' });
  await act(caseId, 'resolveObjection', { upheld: false }, approver, '不属实');
  await waitFor(caseId, (view) => view.stage.id === 'approval');
  await act(caseId, 'approve', { opinion: '同意' }, approver);
  await act(caseId, 'recordFiling', { filingNumber: '县人社备〔2026〕1号', filingDate: today() });
  await act(caseId, 'recordEstablishment', { establishmentDate: today() });
  await act(caseId, 'report', { unit: '县人民医院' });
  await waitFor(caseId, (view) => (view.state.subsidy?.committedCny ?? 0) > 0);
  await act(caseId, 'payInstalment', { amountCny: 50_000 });
  await act(caseId, 'withdraw', {}, officer, '试用期内辞职');
  return caseId;
}

async function returningTalentSettled(): Promise<string> {
  const { caseId } = await call('POST', '/cases', officer, { kind: 'returning_talent', subject: { name: '刀某某' } });
  await act(caseId, 'contact', { channel: 'township_party_branch' });
  await act(caseId, 'recordIntent', { outcome: 'willing' });
  await act(caseId, 'recordPlacement', { outcome: 'business' });
  await waitFor(caseId, (view) => view.state.followUpsDue >= 1);
  await act(caseId, 'checkIn', { outcome: 'settled' });
  return caseId;
}

async function main(label: string): Promise<void> {
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
  const client = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
  const out = path.join(repoRoot(), 'test/fixtures/histories');
  mkdirSync(out, { recursive: true });
  const scenarios = {
    'civil-servant-appointment-cancelled': civilServantAppointmentCancelled,
    'shortage-talent-objection-withdrawn': shortageTalentWithObjection,
    'returning-talent-settled': returningTalentSettled,
  };
  let year = 0;
  for (const [name, run] of Object.entries(scenarios)) {
    const caseId = await run();
    const view = await call('GET', `/cases/${caseId}`, officer);
    year = view.state.opened.year;
    const history = await client.workflow.getHandle(toCaseWorkflowId(caseId)).fetchHistory();
    writeFileSync(path.join(out, `case.${name}.${label}.json`), historyToJSON(history));
    console.error(`recorded ${name} (${history.events?.length} history events)`);
  }
  // A civil servants' round of the 2023 demo, through 体检, and every candidate's case to its end.
  const round = ROUNDS_2023.find((spec) => spec.channel === 'civil_servant')!;
  accounts ??= officeAccounts();
  const credentials = accounts;
  const tasks = await roundTasks(new ApiClient(API, (who) => credentials.headersFor(who)), [round]);
  for (const task of tasks) await task();
  const roundHistory = await client.workflow.getHandle(toRoundWorkflowId(round.roundId)).fetchHistory();
  writeFileSync(path.join(out, `round.${round.roundId}.${label}.json`), historyToJSON(roundHistory));
  console.error(`recorded round ${round.roundId} (${roundHistory.events?.length} history events)`);
  // The first of the first post: a candidate whose case the round opened at 体检.
  const candidate = candidateCaseId(round.roundId, ticketOf(round, 0, 1));
  const candidateHistory = await client.workflow.getHandle(toCaseWorkflowId(candidate)).fetchHistory();
  writeFileSync(path.join(out, `case.round-candidate.${label}.json`), historyToJSON(candidateHistory));
  console.error(`recorded round candidate ${candidate} (${candidateHistory.events?.length} history events)`);

  const divisionCode = process.env.DIVISION_CODE ?? '530000';
  const plan = await client.workflow.getHandle(toPlanWorkflowId(divisionCode, year)).fetchHistory();
  writeFileSync(path.join(out, `plan.annual-plan.${label}.json`), historyToJSON(plan));
  await connection.close();
}

main(process.argv[2] ?? today()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
