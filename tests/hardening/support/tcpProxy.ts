import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/** A TCP proxy in front of PostgreSQL that a test can cut (refuse and drop) or freeze (accept, never forward). */
export interface TcpProxy {
  port: number;
  /** Drops every connection and refuses new ones: the database is "stopped". */
  cut(): void;
  /** Keeps connections open but forwards nothing either way: the database is "frozen". */
  freeze(): void;
  /** Forwards again (frozen bytes are delivered). */
  restore(): void;
  close(): Promise<void>;
}

/** Starts a proxy on a free loopback port forwarding to `host:port`. */
export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let mode: 'open' | 'cut' | 'frozen' = 'open';
  const pairs = new Set<[Socket, Socket]>();
  // Bytes held while frozen, delivered in order on restore.
  const held: Array<{ to: Socket; data: Buffer }> = [];
  const forward = (from: Socket, to: Socket) =>
    from.on('data', (data: Buffer) => {
      if (mode === 'frozen') held.push({ to, data });
      else to.write(data);
    });
  const server: Server = createServer((client) => {
    if (mode === 'cut') {
      client.destroy();
      return;
    }
    const upstream = createConnection({ host: targetHost, port: targetPort });
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const each = (f: (s: Socket) => void) => pairs.forEach(([a, b]) => (f(a), f(b)));
  return {
    port: (server.address() as AddressInfo).port,
    cut: () => {
      mode = 'cut';
      each((s) => s.destroy());
    },
    freeze: () => {
      mode = 'frozen';
    },
    restore: () => {
      mode = 'open';
      for (const { to, data } of held.splice(0)) if (!to.destroyed) to.write(data);
    },
    close: async () => {
      each((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
