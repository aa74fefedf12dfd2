import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds spent so far by each part of the stack, keyed by part. */
export type CpuSeconds = Map<string, number>;

const TICKS_PER_SECOND = 100;

interface ProcessStat {
  pid: number;
  parent: number;
  command: string;
  seconds: number;
}

function readStat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself hold spaces or parentheses.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return {
      pid,
      parent: Number(fields[1]),
      command: text.slice(text.indexOf('(') + 1, close),
      // Its own time and that of its children it has reaped, so that a PostgreSQL backend that
      // ended during a measure still counts, in its postmaster's figure.
      seconds: [11, 12, 13, 14].reduce((sum, field) => sum + Number(fields[field]), 0) / TICKS_PER_SECOND,
    };
  } catch {
    // Gone between listing and reading.
    return undefined;
  }
}

/**
 * Where the CPU of a measure goes, by process of the stack this benchmark started (and only
 * those: another stack on the same machine is not counted). Known pids are named by the caller;
 * PostgreSQL's backends and the Temporal server are recognised by their command.
 */
export class CpuMeter {
  constructor(private readonly named: ReadonlyMap<number, string>) {}

  read(): CpuSeconds {
    const stats = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map((entry) => readStat(Number(entry)))
      .filter((stat): stat is ProcessStat => stat !== undefined);
    const byPid = new Map(stats.map((stat) => [stat.pid, stat]));
    const ours = (stat: ProcessStat): boolean => {
      for (let at: ProcessStat | undefined = stat; at; at = byPid.get(at.parent)) {
        if (at.pid === process.pid) return true;
      }
      return false;
    };
    const totals: CpuSeconds = new Map();
    for (const stat of stats.filter(ours)) {
      const part = this.partOf(stat);
      totals.set(part, (totals.get(part) ?? 0) + stat.seconds);
    }
    return totals;
  }

  private partOf(stat: ProcessStat): string {
    const named = this.named.get(stat.pid);
    if (named) return named;
    if (stat.pid === process.pid) return 'benchmark client';
    if (stat.command.startsWith('postgres')) return 'postgres';
    if (stat.command.startsWith('temporal')) return 'temporal server';
    return stat.command;
  }
}

/** CPU milliseconds per request, by part, between two readings; NaN (printed –) when none was answered. */
export function cpuPerRequest(before: CpuSeconds, after: CpuSeconds, requests: number): Map<string, number> {
  const spent = new Map<string, number>();
  if (requests === 0) return new Map([...after.keys()].map((part) => [part, Number.NaN]));
  for (const [part, seconds] of after) spent.set(part, ((seconds - (before.get(part) ?? 0)) * 1000) / requests);
  return spent;
}
