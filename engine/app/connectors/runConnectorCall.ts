import type { Knex } from 'knex';
import type { RawRegency } from '../../definition/sopTypes.ts';
import { loadCase } from '../../storage/caseRepository.ts';
import { withSystemScope } from '../../storage/regencyScope.ts';
import { AppError } from '../appErrors.ts';
import { completeByConnector } from '../caseService.ts';
import { executableOfVersionId } from '../executableCache.ts';
import { ChannelError } from '../notifications/channels/channelTypes.ts';
import type { NotificationRow } from '../../storage/notifications/notificationRows.ts';
import type { NotifierSettings } from '../notifications/notifierSettings.ts';
import type { ConnectorAdapter } from './connectorTypes.ts';
import { dtsenAdapter } from './dtsenAdapter.ts';
import { dukcapilAdapter } from './dukcapilAdapter.ts';
import { httpJsonAdapter } from './httpJsonAdapter.ts';
import { buildServiceRequest, mapServiceReply } from './serviceTemplates.ts';
import { sqlOf } from '../../storage/sql.ts';

const ADAPTERS: Record<string, ConnectorAdapter> = {
  'dukcapil-nik': dukcapilAdapter,
  dtsen: dtsenAdapter,
  http: httpJsonAdapter,
};

/** How many attempts a connector gets before its step becomes an incident (regency.yaml, default 3). */
export function connectorMaxAttempts(regency: RawRegency | undefined, connectorId: unknown): number {
  return regency?.connectors?.find((c) => c.id === connectorId)?.maxAttempts ?? 3;
}

/**
 * Runs the connector call of a service step: builds the request from the case data, calls the adapter,
 * maps the reply into the case and completes the task. A task no longer open (done by hand meanwhile)
 * needs nothing. Failures are ChannelErrors, so the delivery machinery retries them and keeps the last one.
 */
export async function runConnectorCall(
  db: Knex,
  notification: NotificationRow,
  regency: RawRegency,
  settings: NotifierSettings,
  now: Date,
): Promise<string | undefined> {
  const taskId = String(notification.params.taskId);
  const loaded = await withSystemScope(db, async (trx) => {
    const stored = await loadCase(trx, notification.regency_id, notification.case_id ?? '');
    if (!stored) return undefined;
    const compiled = await executableOfVersionId(sqlOf(trx), notification.regency_id, stored.versionId);
    return { stored, exe: compiled?.exe };
  });
  const task = loaded?.stored.state.tasks.find((t) => t.id === taskId);
  if (!loaded || !task || task.status !== 'open') return 'tidak-diperlukan';
  const service = loaded.exe?.stepById.get(task.stepId)?.service;
  if (!service) return 'tidak-diperlukan';
  const connector = regency.connectors?.find((c) => c.id === service.connector);
  if (!connector)
    throw new ChannelError('NOT_CONFIGURED', `Konektor "${service.connector}" tidak ada di regency.yaml.`);
  const baseUrl = settings.secrets[connector.baseUrlEnv];
  if (!baseUrl)
    throw new ChannelError(
      'NOT_CONFIGURED',
      `Variabel lingkungan ${connector.baseUrlEnv} (alamat ${connector.id}) belum diisi.`,
    );
  const token = connector.tokenEnv ? settings.secrets[connector.tokenEnv] : undefined;
  const reply = await ADAPTERS[connector.type]!({
    connector,
    baseUrl,
    ...(token ? { token } : {}),
    timeoutMs: connector.timeoutMs ?? 10_000,
    request: buildServiceRequest(service.request, loaded.stored.state.data),
  });
  try {
    await withSystemScope(db, (trx) =>
      completeByConnector(
        trx,
        notification.regency_id,
        loaded.stored.id,
        taskId,
        connector.name ?? connector.id,
        mapServiceReply(service.reply, reply),
        now,
      ),
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // Someone completed the task by hand meanwhile: the call is simply no longer needed.
    if (error.code === 'CONFLICT') return 'tidak-diperlukan';
    throw new ChannelError('REFUSED', `Jawaban ${connector.id} tidak dapat dipakai: ${error.message}`);
  }
  return undefined;
}
