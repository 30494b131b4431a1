import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Keys that may hold personal data or secrets, removed from any log line at the top level or one
 * level down. The code logs only ids, codes and counts; this list is the net under that habit.
 */
export const REDACTED_LOG_KEYS = [
  'password',
  'token',
  'csrfToken',
  'cookie',
  'authorization',
  'data',
  'formData',
  'nik',
  'kkNumber',
  'fullName',
  'applicantName',
  'applicantNik',
  'birthDate',
  'address',
  'phone',
  'body',
  'payload',
  'reason',
  'note',
  'detail',
];

/** The server's logger: JSON lines, personal data and secrets redacted (removed, not masked). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  const paths = [
    'req.headers.cookie',
    'req.headers.authorization',
    'req.headers["x-csrf-token"]',
    ...REDACTED_LOG_KEYS,
    ...REDACTED_LOG_KEYS.map((k) => `*.${k}`),
  ];
  const options = { level, redact: { paths, remove: true } };
  return destination ? pino(options, destination) : pino(options);
}
