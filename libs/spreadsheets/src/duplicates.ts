import { type SheetProblem, cellProblem } from './sheet-problem';

/** One problem per repeated value, on the later row, naming the row that had it first. */
export function duplicateProblems<Line extends { row: number }>(
  lines: readonly Line[],
  column: string,
  key: (line: Line) => string | undefined,
): SheetProblem[] {
  const firstRow = new Map<string, number>();
  const problems: SheetProblem[] = [];
  for (const line of lines) {
    const value = key(line);
    if (value === undefined) continue;
    const earlier = firstRow.get(value);
    if (earlier === undefined) firstRow.set(value, line.row);
    else problems.push(cellProblem(line.row, column, `与第${earlier}行重复`));
  }
  return problems;
}
