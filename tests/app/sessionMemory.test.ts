import { describe, expect, it } from 'vitest';
import type { SessionContext } from '../../engine/app/authService.ts';
import { forgetSession, rememberedSession, rememberSession } from '../../engine/app/sessionMemory.ts';

const context = (fingerprint: string): SessionContext => ({
  user: { id: 'u1', regencyId: 'kutai-kartanegara', username: 'kutai-kartanegara.tksk', name: 'TKSK', roles: ['tksk'] },
  csrfToken: 'csrf',
  access: {} as SessionContext['access'],
  account: { sessionId: 's1', mustChangePassword: false, platformAdmin: false },
  fingerprint,
});

describe('the memory of sessions a process resolved', () => {
  it('keeps the last lookup, forgets a session that is gone, and forgets on logout', () => {
    rememberSession('hash-a', context('one'), 1_000);
    expect(rememberedSession('hash-a', 2_000)?.fingerprint).toBe('one');
    rememberSession('hash-a', context('two'), 3_000);
    expect(rememberedSession('hash-a', 4_000)?.fingerprint).toBe('two');
    rememberSession('hash-a', undefined, 5_000);
    expect(rememberedSession('hash-a', 6_000)).toBeUndefined();
    rememberSession('hash-b', context('three'), 1_000);
    forgetSession('hash-b');
    expect(rememberedSession('hash-b', 2_000)).toBeUndefined();
  });

  it('drops an entry older than 15 minutes', () => {
    rememberSession('hash-c', context('old'), 0);
    expect(rememberedSession('hash-c', 15 * 60_000)?.fingerprint).toBe('old');
    expect(rememberedSession('hash-c', 15 * 60_000 + 1)).toBeUndefined();
    // Gone for good, not only hidden.
    expect(rememberedSession('hash-c', 0)).toBeUndefined();
  });

  it('holds at most 10,000 sessions, dropping the oldest first', () => {
    for (let i = 0; i <= 10_000; i++) rememberSession(`bulk-${i}`, context(String(i)), 1_000);
    expect(rememberedSession('bulk-0', 1_000)).toBeUndefined();
    expect(rememberedSession('bulk-1', 1_000)?.fingerprint).toBe('1');
    expect(rememberedSession('bulk-10000', 1_000)?.fingerprint).toBe('10000');
  });
});
