/** Runs of 8+ digits (NIK, KK, phone numbers) are masked wherever they appear in a logged error. */
const LONG_DIGITS = /\d{8,}/g;
const MAX_MESSAGE = 500;

function mask(text: string): string {
  return text.replace(LONG_DIGITS, (m) => `${'•'.repeat(m.length - 4)}${m.slice(-4)}`);
}

/**
 * The parts of an unexpected error that may go to the log: name, database error code, message and
 * stack with long digit runs masked. Never `detail`, `where`, parameters or the request body, which
 * is where PostgreSQL and knex put row values.
 */
export function safeErrorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: mask(String(error).slice(0, MAX_MESSAGE)) };
  const code = (error as { code?: unknown }).code;
  const safe: Record<string, unknown> = { name: error.name, message: mask(error.message.slice(0, MAX_MESSAGE)) };
  if (typeof code === 'string') safe.code = code;
  if (error.stack) safe.stack = mask(error.stack.split('\n').slice(1, 12).join('\n'));
  return safe;
}
