import { runAlurCase } from './lib/alurRunner.ts';
import { prepareBenchSop } from './lib/benchSop.ts';
import { bpmnRunner } from './lib/bpmnProcess.ts';
import { profileInProcess, summarizeProfile } from './lib/cpuProfile.ts';
import { median, round } from './lib/stats.ts';
import { walkInputsPerBranch, type WalkInputs } from './lib/stepInputs.ts';
import type { BenchOptions, PartResult } from './lib/types.ts';

/** Runs `runOne` back to back for `seconds`, returning complete case runs per second. */
async function throughput(seconds: number, runOne: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  const until = started + seconds * 1000;
  let count = 0;
  while (performance.now() < until) {
    await runOne(count);
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

/** 4 of 5 cases take the "Layak" branch (all 8 steps), 1 of 5 the rejection (4 steps): the same mix for both engines. */
function walkFor(walks: WalkInputs[], i: number): WalkInputs {
  const accept = walks.find((w) => w.branch === 'Layak') ?? walks[0]!;
  const reject = walks.find((w) => w !== accept) ?? accept;
  return i % 5 === 4 ? reject : accept;
}

/** Engine core in memory: complete case runs per second, Alur's pure engine against bpmn-engine on the equivalent BPMN. */
export async function run(options: BenchOptions): Promise<PartResult> {
  const sop = prepareBenchSop(options.tmpDir);
  const walks = walkInputsPerBranch(sop.definition);
  const bpmn = await bpmnRunner(sop.definition);
  // Both engines must walk the same steps for the same inputs before anything is timed.
  for (const walk of walks) {
    const state = await runAlurCase(sop, walk, 0);
    const visited = await bpmn.runCase(walk);
    const alurSteps = state.tasks.map((t) => t.stepId);
    if (JSON.stringify(alurSteps) !== JSON.stringify(visited))
      throw new Error(`engines disagree on ${walk.branch}: ${alurSteps.join(',')} vs ${visited.join(',')}`);
  }
  const seconds = options.quick ? 1 : 4;
  await throughput(0.5, (i) => runAlurCase(sop, walkFor(walks, i), i).then(() => undefined));
  await throughput(0.5, (i) => bpmn.runCase(walkFor(walks, i)).then(() => undefined));
  const runs: Array<Record<string, number>> = [];
  for (let r = 0; r < options.runs; r++) {
    const alur = await throughput(seconds, (i) => runAlurCase(sop, walkFor(walks, i), i).then(() => undefined));
    const bpmnRate = await throughput(seconds, (i) => bpmn.runCase(walkFor(walks, i)).then(() => undefined));
    runs.push({ alur_runs_per_s: alur, bpmn_runs_per_s: bpmnRate, ratio: alur / bpmnRate });
    options.log(`engine run ${r + 1}: Alur ${Math.round(alur)}/s, bpmn-engine ${Math.round(bpmnRate)}/s`);
  }
  const alur = median(runs.map((r) => r.alur_runs_per_s!));
  const bpmnRate = median(runs.map((r) => r.bpmn_runs_per_s!));
  const ratio = median(runs.map((r) => r.ratio!));
  const profile = await profileInProcess(() =>
    throughput(options.quick ? 0.5 : 1.5, (i) => runAlurCase(sop, walkFor(walks, i), i).then(() => undefined)).then(
      () => undefined,
    ),
  );
  const stepsPerCase =
    0.8 * walks.find((w) => w.branch === 'Layak')!.steps.length +
    0.2 * (walks.find((w) => w.branch !== 'Layak')?.steps.length ?? 0);
  return {
    name: 'engine',
    title: 'Engine core in memory vs bpmn-engine',
    metrics: {
      engine_vs_bpmn_engine_ratio: round(ratio),
      engine_case_runs_per_s: round(alur),
      bpmn_engine_case_runs_per_s: round(bpmnRate),
    },
    runs,
    tables: [
      {
        title: `Complete case runs per second, ${sop.definition.steps.length}-step SOP with one rule decision (4 of 5 cases accepted, 1 of 5 rejected at the decision; ${stepsPerCase.toFixed(1)} steps per case on average), one process, runs interleaved`,
        header: ['engine', 'case runs/s (median)', 'commands/s', 'each run'],
        rows: [
          [
            'Alur applyCommand (pure engine)',
            round(alur),
            round(alur * (stepsPerCase + 1)),
            runs.map((r) => Math.round(r.alur_runs_per_s!)).join(', '),
          ],
          [
            `bpmn-engine (same process, parsed once)`,
            round(bpmnRate),
            round(bpmnRate * (stepsPerCase + 1)),
            runs.map((r) => Math.round(r.bpmn_runs_per_s!)).join(', '),
          ],
          ['ratio Alur / bpmn-engine', round(ratio), '', runs.map((r) => round(r.ratio!)).join(', ')],
        ],
      },
      ...summarizeProfile(profile, 'Alur engine in memory (V8 sampling profile of the same loop)', 10),
    ],
    targets: [
      {
        key: 'engine_vs_bpmn_engine_ratio',
        label: 'Engine core ≥ 100× bpmn-engine',
        value: round(ratio),
        target: '≥ 100',
        met: ratio >= 100,
      },
    ],
    notes: [
      'Both engines run the same walk with the same inputs and are checked to visit the same steps before timing.',
      'Alur per command: copies the parts of the state it changes (copy on write), validates the form with ajv, checks the document checklist, computes working-day deadlines with the holiday calendar, evaluates eligibility and the decision with json-rules-engine (with explanations) and emits audit events.',
      "bpmn-engine per case: a new Engine on a BPMN context parsed and serialised once; each user task is signalled with the step's form data, which is copied into the process output; the gateway condition is a plain JavaScript function (an expression service, not a vm script), the cheapest condition bpmn-engine offers.",
    ],
  };
}
