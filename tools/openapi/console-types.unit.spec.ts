import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const CONSOLE_TYPES_FILE = resolve(__dirname, '../../apps/console/src/api/openapi.d.ts');

describe("the console's API types", () => {
  it('match the api as it is now (run `npm run console:types` after changing a route or DTO)', async () => {
    // In a process of its own: openapi-typescript loads ES modules, which Jest's module system does not.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['-r', '@swc-node/register', resolve(__dirname, 'generate-console-types.ts'), '--print'],
      { cwd: resolve(__dirname, '../..'), maxBuffer: 16 * 1024 * 1024 },
    );

    expect(await readFile(CONSOLE_TYPES_FILE, 'utf8')).toBe(stdout);
  });
});
