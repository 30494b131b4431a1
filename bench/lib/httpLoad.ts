import { connect, type Socket } from 'node:net';

/** One request the load sends: built per request, so each can carry a different task. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  /** Header lines without the trailing CRLF of the block, e.g. `cookie: …\r\nx-csrf-token: …\r\n`. */
  headerLines: string;
  body: string;
}

/** What a closed-loop (or rate-limited) HTTP load measured. */
export interface HttpLoadResult {
  /** Responses received, whatever their status. */
  responses: number;
  /** Milliseconds from writing each request to its whole answer. */
  latencies: number[];
  /** Connection failures and timeouts. */
  errors: number;
  seconds: number;
}

/** A load against one server: `connections` keep-alive connections, each sending its next request as soon as the last is answered. */
export interface HttpLoadOptions<R extends LoadRequest> {
  url: string;
  connections: number;
  seconds: number;
  /** Requests per second offered over all connections; unset: as fast as answered. */
  rate?: number;
  /** The connection's next request (it may carry what its answer needs, e.g. the task it completes). */
  next: () => R;
  onResponse: (status: number, body: string, request: R) => void;
}

const HEADER_END = Buffer.from('\r\n\r\n');
const TIMEOUT_MS = 30_000;

/** A response read off the socket: the status and the body once Content-Length bytes have arrived. */
class ResponseReader {
  private buffered: Buffer = Buffer.alloc(0);

  /** Adds received bytes; returns the complete response, if one is now whole. */
  push(chunk: Buffer): { status: number; body: string } | undefined {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const end = this.buffered.indexOf(HEADER_END);
    if (end < 0) return undefined;
    const head = this.buffered.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const match = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!match)
      throw new Error(`response without Content-Length (the bench client reads only those): ${head.slice(0, 200)}`);
    const total = end + 4 + Number(match[1]);
    if (this.buffered.length < total) return undefined;
    const body = this.buffered.toString('utf8', end + 4, total);
    this.buffered = this.buffered.subarray(total);
    return { status, body };
  }
}

/**
 * A lean HTTP/1.1 load generator on raw keep-alive sockets. It shares the 2-core machine with the
 * server and PostgreSQL, so its own CPU per request is kept small: no HTTP parser beyond the status
 * line and Content-Length, no per-request timers (one deadline check per connection), requests written
 * in one buffer.
 */
export function runHttpLoad<R extends LoadRequest>(options: HttpLoadOptions<R>): Promise<HttpLoadResult> {
  const target = new URL(options.url);
  const host = target.hostname;
  const port = Number(target.port);
  const hostLine = `host: ${target.host}\r\n`;
  const started = performance.now();
  const stopAt = started + options.seconds * 1000;
  const result: HttpLoadResult = { responses: 0, latencies: [], errors: 0, seconds: 0 };
  let slot = 0;

  // With a rate, requests are spaced evenly from the start over all connections (an open-loop schedule
  // that a slow answer can delay but not thin out).
  const waitForSlot = (): Promise<void> => {
    if (options.rate === undefined) return Promise.resolve();
    const due = started + (slot++ * 1000) / options.rate;
    const wait = due - performance.now();
    return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)) : Promise.resolve();
  };

  const runConnection = (): Promise<void> =>
    new Promise((resolve) => {
      let socket: Socket;
      let reader = new ResponseReader();
      let sentAt = 0;
      let inFlight: R | undefined;
      const finish = (): void => {
        clearInterval(watchdog);
        socket.destroy();
        resolve();
      };
      const send = async (): Promise<void> => {
        await waitForSlot();
        if (performance.now() >= stopAt) return finish();
        const request = options.next();
        inFlight = request;
        const length = Buffer.byteLength(request.body);
        sentAt = performance.now();
        socket.write(
          `${request.method} ${request.path} HTTP/1.1\r\n${hostLine}${request.headerLines}content-length: ${length}\r\n\r\n${request.body}`,
        );
      };
      const open = (): void => {
        reader = new ResponseReader();
        socket = connect({ host, port, noDelay: true });
        socket.once('connect', () => void send());
        socket.on('data', (chunk: Buffer) => {
          let response;
          try {
            response = reader.push(chunk);
          } catch (error) {
            socket.destroy(error as Error);
            return;
          }
          if (!response) return;
          result.latencies.push(performance.now() - sentAt);
          result.responses += 1;
          options.onResponse(response.status, response.body, inFlight!);
          void send();
        });
        socket.on('error', () => undefined);
        socket.once('close', () => {
          if (performance.now() >= stopAt) return finish();
          result.errors += 1;
          open();
        });
      };
      // A request unanswered for 30 s counts as an error and its connection starts again.
      const watchdog = setInterval(() => {
        if (sentAt > 0 && performance.now() - sentAt > TIMEOUT_MS) socket.destroy();
        if (performance.now() >= stopAt + TIMEOUT_MS) finish();
      }, 1000);
      open();
    });

  return Promise.all(Array.from({ length: options.connections }, runConnection)).then(() => {
    result.seconds = (performance.now() - started) / 1000;
    return result;
  });
}
