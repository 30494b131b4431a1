#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that `npx alur` works without a build step.
import { register } from 'tsx/esm/api';

register();
const { runAlur } = await import('../engine/cli/main.ts');
process.exitCode = await runAlur(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
