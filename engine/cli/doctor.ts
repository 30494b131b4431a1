import { runDoctorChecks, type Finding } from '../doctor/doctorChecks.ts';
import type { CliStreams } from './runCli.ts';

const LABEL: Record<Finding['level'], string> = { ok: 'OK        ', warning: 'PERINGATAN', problem: 'MASALAH   ' };

/** `alur doctor`: prints each check, with how to fix it; exit 0 when nothing blocks, 1 otherwise. */
export async function doctorCommand(env: NodeJS.ProcessEnv, streams: CliStreams): Promise<number> {
  const findings = await runDoctorChecks(env);
  for (const f of findings) {
    streams.stdout.write(`[${LABEL[f.level]}] ${f.topic}: ${f.message}\n`);
    if (f.fix) streams.stdout.write(`             Cara memperbaiki: ${f.fix}\n`);
  }
  const problems = findings.filter((f) => f.level === 'problem').length;
  const warnings = findings.filter((f) => f.level === 'warning').length;
  streams.stdout.write(
    problems > 0
      ? `\n${problems} masalah menghalangi, ${warnings} peringatan. Perbaiki yang bertanda MASALAH dulu.\n`
      : `\nTidak ada yang menghalangi (${warnings} peringatan).\n`,
  );
  return problems > 0 ? 1 : 0;
}
