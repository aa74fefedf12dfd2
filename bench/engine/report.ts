import type { LoadResult } from './load';

export const format = (value: number, digits = 0) =>
  Number.isNaN(value) ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: digits });
export const mebibytes = (bytes: number) => `${format(bytes / 2 ** 20)} MiB`;

/** A target of issue 12, judged against the no-op start figures at the same concurrency. */
export interface Target {
  text: string;
  met(result: LoadResult, noop: LoadResult): boolean;
}

export interface Measured {
  measure: string;
  users: number;
  result: LoadResult;
  /** The no-op workflow start at the same concurrency; absent on the no-op rows themselves. */
  noop?: LoadResult;
  target?: Target;
}

const verdict = (met: boolean) => (met ? '✅' : '❌');

/** Latency and throughput of each measure, its ratios to the no-op start, and the target. */
export function measuresTable(rows: readonly Measured[]): string[] {
  const lines = [
    '| measure | users | requests (failed) | p50 ms | p99 ms | per s | p50 ÷ no-op | per s ÷ no-op | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | :---: |',
  ];
  for (const { measure, users, result, noop, target } of rows) {
    const ratios = noop ? [format(result.p50 / noop.p50, 1), format(result.perSecond / noop.perSecond, 2)] : ['–', '–'];
    lines.push(
      `| ${measure} | ${users} | ${format(result.requests)} (${result.failed}) | ${format(result.p50)} | ` +
        `${format(result.p99)} | ${format(result.perSecond, 1)} | ${ratios.join(' | ')} | ` +
        `${target?.text ?? '–'} | ${target && noop ? verdict(target.met(result, noop)) : ''} |`,
    );
  }
  for (const { measure, users, result } of rows) {
    if (result.firstFailure) lines.push('', `${measure}, ${users} users, first failure: ${result.firstFailure}`);
  }
  return lines;
}

export function figuresTable(rows: ReadonlyArray<{ figure: string; value: string; target?: string; met?: boolean }>) {
  return [
    '| figure | value | target | met |',
    '| --- | ---: | --- | :---: |',
    ...rows.map(
      ({ figure, value, target, met }) =>
        `| ${figure} | ${value} | ${target ?? '–'} | ${met === undefined ? '' : verdict(met)} |`,
    ),
  ];
}
