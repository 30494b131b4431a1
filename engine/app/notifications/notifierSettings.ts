/** How the notifier reaches the outside world; read from the environment once per run. */
export interface NotifierSettings {
  /** Base of the links in messages (ALUR_PUBLIC_URL), e.g. https://alur.kukarkab.go.id */
  publicUrl: string;
  /** SMTP server (ALUR_SMTP_URL, e.g. smtps://user:pass@mail.example:465); without it e-mails wait. */
  smtpUrl?: string;
  /** Sender address (ALUR_MAIL_FROM). */
  mailFrom: string;
  /** Attempts before a delivery becomes a dead letter (ALUR_NOTIFY_MAX_ATTEMPTS, default 6). */
  maxAttempts: number;
  /** First retry delay in seconds, doubled on each failure up to 6 hours (ALUR_NOTIFY_RETRY_SECONDS, default 60). */
  retrySeconds: number;
  /** Where gateway tokens and webhook secrets are looked up by the names regency.yaml gives. */
  secrets: NodeJS.ProcessEnv;
  /** Timeout of one HTTP or SMTP call, in milliseconds. */
  timeoutMs: number;
}

/** Settings from environment variables (see README, "Pemberitahuan"). */
export function notifierSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): NotifierSettings {
  const positive = (value: string | undefined, fallback: number): number => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    publicUrl: env.ALUR_PUBLIC_URL ?? `http://127.0.0.1:${env.PORT ?? '3000'}`,
    ...(env.ALUR_SMTP_URL ? { smtpUrl: env.ALUR_SMTP_URL } : {}),
    mailFrom: env.ALUR_MAIL_FROM ?? 'Alur <no-reply@localhost>',
    maxAttempts: positive(env.ALUR_NOTIFY_MAX_ATTEMPTS, 6),
    retrySeconds: positive(env.ALUR_NOTIFY_RETRY_SECONDS, 60),
    secrets: env,
    timeoutMs: positive(env.ALUR_NOTIFY_TIMEOUT_MS, 15_000),
  };
}

/** The delay before attempt `attempts + 1`: exponential, capped at 6 hours. */
export function retryDelaySeconds(settings: Pick<NotifierSettings, 'retrySeconds'>, attempts: number): number {
  return Math.min(settings.retrySeconds * 2 ** Math.max(attempts - 1, 0), 6 * 3600);
}
