import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';

const fixtures = path.join(__dirname, '../test/fixtures/histories');
const histories = readdirSync(fixtures)
  .filter((file) => file.endsWith('.json'))
  .map((file) => ({
    workflowId: file,
    history: historyFromJSON(JSON.parse(readFileSync(path.join(fixtures, file), 'utf8'))),
  }));

/**
 * Histories recorded from earlier code (npm run histories:record) replayed against today's
 * workflows: a change that would break running cases fails here, not in production.
 */
describe('workflow determinism', () => {
  it('has recorded histories of cases of every kind, of a plan and of a round, from before and after each step of the fast path', () => {
    expect(histories.map((entry) => entry.workflowId).sort()).toEqual(
      [
        // Each step an activity of its own (before issue 12).
        'case.civil-servant-hired.json',
        // One trip per action, candidate stages of pipelines version 3, and rounds (issues 12 and 13).
        'case.civil-servant-appointment-cancelled.2026-11-25.json',
        'case.returning-talent-settled.2026-11-25.json',
        'case.returning-talent-settled.json',
        'case.round-candidate.2026-11-25.json',
        'case.shortage-talent-objection-withdrawn.2026-11-25.json',
        'case.shortage-talent-objection-withdrawn.json',
        'plan.annual-plan.2026-11-25.json',
        'plan.annual-plan.json',
        'round.gwy-2023.2026-11-25.json',
        // One local activity per step (issue 12).
        'case.civil-servant-appointment-cancelled.one-activity.json',
        'case.returning-talent-settled.one-activity.json',
        'case.round-candidate.one-activity.json',
        'case.shortage-talent-objection-withdrawn.one-activity.json',
        'plan.annual-plan.one-activity.json',
        'round.gwy-2023.one-activity.json',
        // Cases that take every patch by one marker at their start (issue 12).
        'case.civil-servant-appointment-cancelled.patches-at-start.json',
        'case.returning-talent-settled.patches-at-start.json',
        'case.round-candidate.patches-at-start.json',
        'case.shortage-talent-objection-withdrawn.patches-at-start.json',
      ].sort(),
    );
  });

  it('replays every recorded history without a non-determinism error', async () => {
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories({ workflowsPath: require.resolve('./index') }, histories)) {
      if (result.error) failures.push(`${result.workflowId}: ${String(result.error)}`);
    }

    expect(failures).toEqual([]);
  });
});
