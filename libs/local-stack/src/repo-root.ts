import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root, found the same way from source files and from their compiled copies in dist/. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
