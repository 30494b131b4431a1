import type { RegencyConnector } from '../../definition/sopTypes.ts';

/** What an adapter gets: the connector config, its resolved address and token, and the templated request. */
export interface ConnectorCall {
  connector: RegencyConnector;
  baseUrl: string;
  token?: string;
  timeoutMs: number;
  request: Record<string, unknown>;
}

/** Calls one kind of outside system; resolves with its reply as plain JSON, throws a ChannelError on failure. */
export type ConnectorAdapter = (call: ConnectorCall) => Promise<Record<string, unknown>>;
