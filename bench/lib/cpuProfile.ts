import { Session } from 'node:inspector/promises';
import { repoRoot } from './benchSop.ts';
import type { ResultTable } from './types.ts';

/** The parts of a V8 .cpuprofile the summary reads. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

function where(url: string, line: number): string {
  const path = url.replace(/^file:\/\//, '');
  if (path === '') return '';
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) return path.slice(modules + 1).replace(/^node_modules\//, '');
  return `${path.startsWith(repoRoot) ? path.slice(repoRoot.length + 1) : path}:${line + 1}`;
}

/** Which area of the stack a frame belongs to: an engine folder, a package, Node itself, or V8. */
function areaOf(functionName: string, url: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : 'V8 / native (JSON, structuredClone, crypto…)';
  if (url.startsWith('node:')) return 'Node.js internals (http, streams, timers)';
  const path = url.replace(/^file:\/\//, '');
  const modules = /\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (modules) return `package ${modules[1]}`;
  const engine = /\/engine\/([^/]+)\//.exec(path);
  if (engine) return `engine/${engine[1]}`;
  return 'other';
}

/** Self time per area and the top functions by self time, as two tables. */
export function summarizeProfile(profile: CpuProfile, title: string, topN = 12): ResultTable[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, time] of self) {
    const frame = byId.get(id)!.callFrame;
    const area = areaOf(frame.functionName, frame.url);
    areas.set(area, (areas.get(area) ?? 0) + time);
    const key = `${frame.functionName || '(anonymous)'}\t${where(frame.url, frame.lineNumber)}`;
    functions.set(key, (functions.get(key) ?? 0) + time);
  }
  const pct = (t: number): string => `${((t / total) * 100).toFixed(1)}%`;
  return [
    {
      title: `${title}: self time by area`,
      header: ['area', 'share of samples'],
      rows: [...areas]
        .sort((a, b) => b[1] - a[1])
        .slice(0, topN)
        .map(([a, t]) => [a, pct(t)]),
    },
    {
      title: `${title}: top functions by self time`,
      header: ['function', 'where', 'share of samples'],
      rows: [...functions]
        .sort((a, b) => b[1] - a[1])
        .slice(0, topN)
        .map(([k, t]) => [...k.split('\t'), pct(t)]),
    },
  ];
}

/** Profiles `work` in this process with the V8 sampling profiler. */
export async function profileInProcess(work: () => Promise<void>): Promise<CpuProfile> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    await work();
    const { profile } = await session.post('Profiler.stop');
    return profile as unknown as CpuProfile;
  } finally {
    session.disconnect();
  }
}
