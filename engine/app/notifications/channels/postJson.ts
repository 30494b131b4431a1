import { ChannelError } from './channelTypes.ts';

/** POSTs JSON with a timeout; a non-2xx answer or a network failure becomes a ChannelError (no secrets in it). */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.name : 'Error';
    throw new ChannelError('UNREACHABLE', `Tidak dapat menghubungi ${new URL(url).host} (${reason}).`);
  }
  const text = await response.text();
  if (!response.ok)
    throw new ChannelError('REFUSED', `${new URL(url).host} menjawab HTTP ${response.status}: ${text.slice(0, 200)}`);
  try {
    return text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}
