import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far, per group of processes. */
export type CpuTotals = Record<string, number>;

function statOf(pid: string): { comm: string; seconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime (fields 14 and 15 of stat) in clock ticks; Linux uses 100 ticks per second.
    return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return undefined;
  }
}

/** CPU seconds of: the PostgreSQL server processes, the given API server processes, this (load client) process, pgbench. */
export function cpuTotals(serverPids: readonly number[]): CpuTotals {
  const totals: CpuTotals = { postgres: 0, api: 0, client: 0, pgbench: 0 };
  const servers = new Set(serverPids.map(String));
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    const stat = statOf(pid);
    if (!stat) continue;
    if (stat.comm === 'postgres') totals.postgres! += stat.seconds;
    else if (stat.comm === 'pgbench') totals.pgbench! += stat.seconds;
    else if (servers.has(pid)) totals.api! += stat.seconds;
    else if (pid === String(process.pid)) totals.client! += stat.seconds;
  }
  return totals;
}

/** Share of one core each group used between two samples taken `seconds` apart (1.0 = one full core). */
export function coresUsed(before: CpuTotals, after: CpuTotals, seconds: number): CpuTotals {
  return Object.fromEntries(Object.keys(after).map((k) => [k, Math.max(0, (after[k]! - (before[k] ?? 0)) / seconds)]));
}

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
export function machineJiffies(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Cores busy on average between two machine samples (0…number of cores). */
export function machineCoresBusy(
  before: { busy: number; total: number },
  after: { busy: number; total: number },
  cores: number,
): number {
  const total = after.total - before.total;
  return total > 0 ? ((after.busy - before.busy) / total) * cores : 0;
}
