import { describe, expect, it } from 'vitest';
import { databaseTargetFromEnv, describeTarget } from '../../engine/storage/database.ts';
import { parseHostList, redact } from '../../engine/storage/hostList.ts';
import { sessionFits, type ServerRole } from '../../engine/storage/hostSelector.ts';

describe('multi-host DATABASE_URL (pure)', () => {
  it('splits libpq-style host:port pairs, in order, and gives each a single-host URL node-postgres reads', () => {
    const list = parseHostList(
      'postgres://alur:s3cret@db1.local:5432,db2.local:5433/alur?target_session_attrs=read-write&sslmode=require',
    );
    expect(list.hosts).toEqual([
      { host: 'db1.local', port: 5432 },
      { host: 'db2.local', port: 5433 },
    ]);
    expect(list.targetSessionAttrs).toBe('read-write');
    // target_session_attrs is libpq's and stays out; every other parameter is kept.
    expect(list.urlFor(list.hosts[1]!)).toBe('postgres://alur:s3cret@db2.local:5433/alur?sslmode=require');
  });

  it('a host without a port gets 5432; IPv6 in brackets; postgresql:// too; no parameters means any', () => {
    const list = parseHostList('postgresql://u@[::1],10.0.0.2:6000,db3/x');
    expect(list.hosts).toEqual([
      { host: '[::1]', port: 5432 },
      { host: '10.0.0.2', port: 6000 },
      { host: 'db3', port: 5432 },
    ]);
    expect(list.targetSessionAttrs).toBe('any');
    expect(list.urlFor(list.hosts[0]!)).toBe('postgresql://u@[::1]:5432/x');
  });

  it('a password holding an encoded @ or comma does not split the host list', () => {
    const list = parseHostList('postgres://u:p%40ss%2Cw@h1:1,h2:2/db');
    expect(list.hosts.map((h) => h.host)).toEqual(['h1', 'h2']);
    expect(list.urlFor(list.hosts[0]!)).toBe('postgres://u:p%40ss%2Cw@h1:1/db');
  });

  it('refuses what it cannot read, in Indonesian, without showing the password', () => {
    expect(() => parseHostList('mysql://u@h/db')).toThrow(/bukan alamat postgres/);
    expect(() => parseHostList('postgres://u:rahasia@h1:99999,h2/db')).toThrow(/tidak dapat dibaca/);
    expect(() => parseHostList('postgres://u:rahasia@h1:abc/db')).not.toThrow(/rahasia/);
    expect(() => parseHostList('postgres://u@h1,h2/db?target_session_attrs=master')).toThrow(
      /target_session_attrs=master tidak dikenal/,
    );
    expect(redact('postgres://u:rahasia@h1,h2/db')).toBe('postgres://u:***@h1,h2/db');
  });

  it('which server fits which target_session_attrs (as libpq decides)', () => {
    const primary: ServerRole = { inRecovery: false, readOnly: false };
    const standby: ServerRole = { inRecovery: true, readOnly: true };
    // A primary whose default_transaction_read_only is on: not a standby, but not writable either.
    const readOnlyPrimary: ServerRole = { inRecovery: false, readOnly: true };
    const fits = (role: ServerRole) =>
      (['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'] as const).filter((a) =>
        sessionFits(a, role),
      );
    expect(fits(primary)).toEqual(['any', 'read-write', 'primary']);
    expect(fits(standby)).toEqual(['any', 'read-only', 'standby', 'prefer-standby']);
    expect(fits(readOnlyPrimary)).toEqual(['any', 'read-only', 'primary']);
  });

  it('ALUR_DATABASE_READ_URL joins the target; the description names every host but no password', () => {
    const target = databaseTargetFromEnv({
      DATABASE_URL: 'postgres://alur:rahasia@h1:5432,h2:5433/alur?target_session_attrs=read-write',
      ALUR_DATABASE_READ_URL: 'postgres://alur:rahasia@h2:5433/alur',
    });
    expect(target).toMatchObject({ kind: 'postgres', readUrl: 'postgres://alur:rahasia@h2:5433/alur' });
    const text = describeTarget(target);
    expect(text).toBe('PostgreSQL h1:5432,h2:5433/alur (read-write); baca: PostgreSQL h2:5433/alur');
    expect(text).not.toContain('rahasia');
    expect(databaseTargetFromEnv({ DATABASE_URL: 'postgres://h/db' })).not.toHaveProperty('readUrl');
  });
});
