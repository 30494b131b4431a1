import { postJson } from '../notifications/channels/postJson.ts';
import type { ConnectorCall } from './connectorTypes.ts';

/** POSTs the call's JSON body to baseUrl + path with the Bearer token (when configured) and the call's timeout. */
export async function postToConnector(
  call: ConnectorCall,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const headers: Record<string, string> = call.token ? { authorization: `Bearer ${call.token}` } : {};
  const answer = await postJson(
    `${call.baseUrl.replace(/\/$/, '')}${path}`,
    JSON.stringify(body),
    headers,
    call.timeoutMs,
  );
  return answer && typeof answer === 'object' && !Array.isArray(answer) ? (answer as Record<string, unknown>) : {};
}
