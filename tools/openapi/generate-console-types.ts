import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { CONSOLE_TYPES_FILE, generateConsoleTypes } from './console-types';

/** Writes the console's API types, or with `--print` prints them for a check to compare. */
async function main(): Promise<void> {
  const text = await generateConsoleTypes();
  if (process.argv.includes('--print')) process.stdout.write(text);
  else {
    await writeFile(CONSOLE_TYPES_FILE, text);
    console.log(`wrote ${CONSOLE_TYPES_FILE}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
