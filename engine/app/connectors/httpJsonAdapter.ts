import { postToConnector } from './connectorHttp.ts';
import type { ConnectorAdapter } from './connectorTypes.ts';

/** A generic HTTP/JSON service: POST {base}{path} with the templated request; the JSON reply is mapped as it is. */
export const httpJsonAdapter: ConnectorAdapter = (call) =>
  postToConnector(call, call.connector.path ?? '/', call.request);
