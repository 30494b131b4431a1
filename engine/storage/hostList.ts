// libpq's multi-host connection URI (`postgres://u@h1:5432,h2:5433/db?target_session_attrs=read-write`),
// which node-postgres does not parse: the hosts are tried in order and the first whose session has
// the wanted attributes is used (https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-MULTIPLE-HOSTS).

/** libpq's target_session_attrs values (PostgreSQL 14+). */
export const SESSION_ATTRS = ['any', 'read-write', 'read-only', 'primary', 'standby', 'prefer-standby'] as const;

/** Which kind of server a connection must reach. */
export type SessionAttrs = (typeof SESSION_ATTRS)[number];

/** One `host:port` of the list. */
export interface HostAddress {
  host: string;
  port: number;
}

/** A connection URI split into its hosts: `urlFor` gives the single-host URI node-postgres understands. */
export interface HostList {
  hosts: HostAddress[];
  targetSessionAttrs: SessionAttrs;
  urlFor: (address: HostAddress) => string;
}

const URI = /^(postgres(?:ql)?:\/\/)([^/?#]*)(.*)$/i;

function parseAddress(entry: string, url: string): HostAddress {
  // An IPv6 address is written in brackets: [::1]:5432.
  const match = /^(\[[^\]]+\]|[^:]*)(?::(\d*))?$/.exec(entry);
  const port = match?.[2] ? Number(match[2]) : 5432;
  if (!match || !Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`Alamat server "${entry}" di ${redact(url)} tidak dapat dibaca; tulis host:port, dipisah koma.`);
  return { host: match[1] || 'localhost', port };
}

function isSessionAttrs(value: string): value is SessionAttrs {
  return (SESSION_ATTRS as readonly string[]).includes(value);
}

/** The URI with its password replaced, for messages and logs. */
export function redact(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*:)[^@/?#]*@/i, '$1***@');
}

/** Splits a (possibly multi-host) PostgreSQL URI; throws an Indonesian message when it cannot be read. */
export function parseHostList(url: string): HostList {
  const match = URI.exec(url);
  if (!match) throw new Error(`DATABASE_URL ${redact(url)} bukan alamat postgres://…`);
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const at = authority.lastIndexOf('@');
  const userInfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hostPart = authority.slice(at + 1);
  const hosts = (hostPart === '' ? ['localhost'] : hostPart.split(',')).map((entry) => parseAddress(entry, url));
  // target_session_attrs is libpq's, not node-postgres's: read here and left out of each host's URI.
  const queryAt = rest.indexOf('?');
  const params = new URLSearchParams(queryAt >= 0 ? rest.slice(queryAt + 1) : '');
  const attrs = params.get('target_session_attrs') ?? 'any';
  if (!isSessionAttrs(attrs))
    throw new Error(`target_session_attrs=${attrs} tidak dikenal; pilih salah satu: ${SESSION_ATTRS.join(', ')}.`);
  params.delete('target_session_attrs');
  const query = params.toString();
  const path = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  return {
    hosts,
    targetSessionAttrs: attrs,
    urlFor: ({ host, port }) => `${scheme}${userInfo}${host}:${port}${path}${query ? `?${query}` : ''}`,
  };
}
