import { urlOf, type Contract } from '../../engine/contracts/contract.ts';
import type { CallInput } from './call.ts';

/**
 * The URL of a file the browser opens itself (a PDF, a CSV, a scan, a report page) rather than a JSON call:
 * built from the operation's contract, so a link cannot drift from the route it points to.
 */
export function fileHref<const C extends Contract>(declared: C, input: CallInput<C>): string {
  return urlOf(declared, input.params as Record<string, string> | undefined, input.query);
}
