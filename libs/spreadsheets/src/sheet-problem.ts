/**
 * What is wrong with an uploaded sheet, one sentence per problem, in the office's words. `row` is
 * the row number Excel shows, so an officer can go straight to it; a problem without a row concerns
 * the whole file.
 */
export interface SheetProblem {
  row?: number;
  column?: string;
  message: string;
}

/** Either every row of the file, or every problem found in it: a file is imported whole or not at all. */
export type SheetReading<Row> = { ok: true; rows: Row[] } | { ok: false; errors: SheetProblem[] };

export const fileProblem = (message: string): SheetProblem => ({ message });

export const cellProblem = (row: number, column: string, problem: string): SheetProblem => ({
  row,
  column,
  message: `第${row}行 ${column}：${problem}`,
});

export const refused = <Row>(errors: SheetProblem[]): SheetReading<Row> => ({ ok: false, errors });
