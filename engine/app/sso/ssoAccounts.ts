import type { Knex } from 'knex';
import { accountByClaim, accountByUsername } from '../../storage/sso/ssoAccountRows.ts';
import { AppError } from '../appErrors.ts';
import { createAccount } from '../accounts/accountService.ts';
import type { SessionSubject } from '../authService.ts';
import { recordSsoEvent } from './ssoEvents.ts';
import { SsoRefusal } from './ssoRefusal.ts';
import type { SsoSettings } from './ssoSettings.ts';

type Candidate = SessionSubject & { active: boolean };

/** The regency's account the provider's claim names: by username, or by e-mail (case-insensitive). */
export async function findSsoAccount(db: Knex, settings: SsoSettings, value: string): Promise<Candidate | undefined> {
  return accountByClaim(db, settings.regencyId, settings.matchBy, value);
}

/** A username Alur accepts, from the claim (an e-mail gives its part before the @). */
function usernameFrom(value: string): string {
  const base = value.toLowerCase().split('@')[0]!;
  return base.replace(/[^a-z0-9._-]+/g, '.').replace(/^[._-]+/, '');
}

/** Creates the account of a person the provider knows and Alur does not (only when the admin turned that on). */
export async function createSsoAccount(
  db: Knex,
  settings: SsoSettings,
  person: { value: string; name?: string; email?: string },
): Promise<Candidate> {
  const username = usernameFrom(person.value);
  const email = settings.matchBy === 'email' ? person.value : (person.email ?? null);
  try {
    await createAccount(
      db,
      {
        regencyId: settings.regencyId,
        username,
        name: person.name ?? person.value,
        roles: [settings.newUserRole!],
        email,
        credential: { kind: 'sso' },
      },
      { id: 'sso', name: `Masuk dengan ${settings.providerName}` },
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new SsoRefusal(
      'create_failed',
      `Akun untuk "${person.value}" tidak dapat dibuat otomatis: ${error.message} Minta admin kabupaten membuatkannya.`,
    );
  }
  const created = await accountByUsername(db, username);
  if (!created) throw new Error(`account ${username} was created but cannot be read back`);
  await recordSsoEvent(db, {
    regencyId: settings.regencyId,
    action: 'account_created',
    subject: person.value,
    userId: created.id,
    actorName: settings.providerName,
    detail: { username, role: settings.newUserRole },
  });
  return created;
}
