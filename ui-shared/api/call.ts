import {
  urlOf,
  type BodyOf,
  type Contract,
  type ParamsOf,
  type QueryOf,
  type ReplyOf,
} from '../../engine/contracts/contract.ts';
import { api } from './apiClient.ts';

type HasKeys<T> = keyof T extends never ? false : true;

/** What a call needs: path parameters when the path has some, the body when the contract declares one. */
export type CallInput<C extends Contract> = (HasKeys<ParamsOf<C>> extends true
  ? { params: ParamsOf<C> }
  : { params?: undefined }) &
  ('body' extends keyof C ? { body: BodyOf<C> } : { body?: undefined }) & { query?: QueryOf<C> };

/** Calls one API operation by its contract: input and reply typed from the same declaration the server runs. */
export function call<const C extends Contract>(
  declared: C,
  input: CallInput<C>,
  init: { idempotencyKey?: string; raw?: Blob; contentType?: string } = {},
): Promise<ReplyOf<C>> {
  const url = urlOf(declared, input.params as Record<string, string> | undefined, input.query);
  return api<ReplyOf<C>>(declared.method.toUpperCase(), url, input.body, init);
}
