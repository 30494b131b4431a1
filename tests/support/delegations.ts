import { expect } from 'vitest';
import type { ApiClient } from './apiClient.ts';

/** The id of an account by username, as the regency's account list shows it to `client`. */
export async function userIdOf(client: ApiClient, username: string): Promise<string> {
  const users = await client.get<{ users: Array<{ id: string; username: string }> }>('/api/users');
  const user = users.body.users.find((u) => u.username === username);
  if (!user) throw new Error(`no account ${username} in /api/users`);
  return user.id;
}

/** The signed-in head names `username` Plt from a minute ago until the same time tomorrow (201 expected). */
export async function grantPlt(head: ApiClient, username: string): Promise<void> {
  const delegation = await head.post('/api/delegations', {
    toUserId: await userIdOf(head, username),
    kind: 'plt',
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  expect(delegation.status).toBe(201);
}
