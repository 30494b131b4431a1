import net from 'node:net';
import pg from 'pg';
import type { HostAddress, HostList, SessionAttrs } from './hostList.ts';

// Chooses, like libpq, the first host of a multi-host DATABASE_URL whose session fits
// target_session_attrs, and chooses again after a failover. The choice is knex's connection provider
// (a documented knex option): every new pooled connection goes to the chosen host; a socket error on a
// connection to it, or a write refused as read-only, drops the choice, and the next new connection
// probes the hosts again in order. Alur never promotes a server: it only follows the one that was.

/** What a probe learns of a server: standby (in recovery) or not, and whether its sessions are read-only. */
export interface ServerRole {
  inRecovery: boolean;
  readOnly: boolean;
}

/** Whether a session on a server in `role` is what target_session_attrs asks for (prefer-standby: any, in a second pass). */
export function sessionFits(attrs: SessionAttrs, role: ServerRole): boolean {
  switch (attrs) {
    case 'read-write':
      return !role.readOnly;
    case 'read-only':
      return role.readOnly;
    case 'primary':
      return !role.inRecovery;
    case 'standby':
    case 'prefer-standby':
      return role.inRecovery;
    case 'any':
      return true;
  }
}

/** Connection settings for knex, with the expiry knex asks before each new connection. */
export type ProvidedSettings = pg.ClientConfig & { expirationChecker: () => boolean };

/** What the server of an open connection is. */
async function roleOf(client: pg.Client): Promise<ServerRole> {
  const { rows } = await client.query<{ in_recovery: boolean; read_only: string }>(
    "SELECT pg_is_in_recovery() AS in_recovery, current_setting('transaction_read_only') AS read_only",
  );
  const row = rows[0];
  return { inRecovery: row?.in_recovery === true, readOnly: row?.read_only === 'on' };
}

/** Asks one server what it is; the probe's own connection is closed afterwards. */
async function probe(config: pg.ClientConfig): Promise<ServerRole> {
  const client = new pg.Client(config);
  // A server that drops the probe mid-way reports through the query; this keeps the event from crashing the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await roleOf(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function label({ host, port }: HostAddress): string {
  return `${host}:${port}`;
}

function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = 'code' in error && typeof error.code === 'string' ? `${error.code} ` : '';
  return `${code}${error.message}`;
}

/** The host choice for one knex pool on a multi-host URL. */
export class HostSelector {
  private generation = 0;
  private chosen: HostAddress | undefined;
  private pending: Promise<HostAddress> | undefined;

  constructor(
    private readonly list: HostList,
    /** node-postgres settings (timeouts, start-up options) for one host's URI. */
    private readonly configFor: (url: string) => pg.ClientConfig,
  ) {}

  /** knex's `connection` provider: settings for the chosen host, probing the hosts first when there is no choice. */
  async connectionSettings(): Promise<ProvidedSettings> {
    const address = this.chosen ?? (await this.choose());
    const generation = this.generation;
    return {
      ...this.configFor(this.list.urlFor(address)),
      // pg opens this socket; an error on it (refused, reset, timed out) means the host is gone.
      stream: () => this.watchedSocket(generation),
      expirationChecker: () => this.generation !== generation || this.chosen === undefined,
    };
  }

  /** Forgets the chosen host (it died or turned read-only): the next new connection probes all hosts again. */
  invalidate(): void {
    this.chosen = undefined;
    this.generation += 1;
  }

  /**
   * Checks a new pooled connection: its server may have changed role since the probe (a demoted primary
   * comes back as a standby under the same address). Not fitting: the choice is dropped and it fails.
   */
  async verify(connection: pg.Client): Promise<void> {
    const attrs = this.list.targetSessionAttrs;
    // `any` takes every server, and `prefer-standby` falls back to any: nothing to check.
    if (attrs === 'any' || attrs === 'prefer-standby') return;
    if (sessionFits(attrs, await roleOf(connection))) return;
    this.invalidate();
    throw Object.assign(new Error(`Server ${connection.host}:${connection.port} tidak lagi ${attrs}.`), {
      code: '08001',
    });
  }

  /** Whether a pooled connection still goes to the chosen host (a connection to another one is dropped). */
  isCurrent(connection: { host?: string; port?: number }): boolean {
    const chosen = this.chosen;
    return chosen === undefined || (connection.host === chosen.host && Number(connection.port) === chosen.port);
  }

  private watchedSocket(generation: number): net.Socket {
    const socket = new net.Socket();
    socket.once('error', () => {
      if (generation === this.generation) this.invalidate();
    });
    return socket;
  }

  /** Probes the hosts in order; concurrent callers share one probe. */
  private choose(): Promise<HostAddress> {
    this.pending ??= this.probeAll().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async probeAll(): Promise<HostAddress> {
    const attrs = this.list.targetSessionAttrs;
    const failures: string[] = [];
    let reachable: HostAddress | undefined;
    for (const address of this.list.hosts) {
      try {
        const role = await probe(this.configFor(this.list.urlFor(address)));
        if (sessionFits(attrs, role)) return this.settle(address);
        reachable ??= address;
        failures.push(`${label(address)}: ${role.inRecovery ? 'standby' : 'read-only'}`);
      } catch (error) {
        failures.push(`${label(address)}: ${messageOf(error)}`);
      }
    }
    if (attrs === 'prefer-standby' && reachable) return this.settle(reachable);
    // SQLSTATE 08001 (cannot establish connection): the request is answered 503 with Retry-After.
    throw Object.assign(
      new Error(`Tidak ada server basis data yang cocok (target_session_attrs=${attrs}): ${failures.join('; ')}`),
      { code: '08001' },
    );
  }

  private settle(address: HostAddress): HostAddress {
    this.chosen = address;
    return address;
  }
}
