import { Type, type Static, type TObject, type TSchema } from '@sinclair/typebox';

// A contract is the one declaration of an API operation: the server route implements it (engine/api/routes, with `implement`)
// and the browser client calls it (ui-shared/api/call.ts). It imports nothing but TypeBox types, so both
// browser apps can bundle the contract files.

/** The declared shape of one API operation: method, path, optional query and body, and each success reply. */
export interface Contract {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Path with `{name}` parameters, e.g. `/api/notifications/deliveries/{deliveryId}/retry`. */
  path: string;
  /** Query parameters (strings as they arrive in the URL). */
  query?: TObject;
  /** The JSON request body. */
  body?: TSchema;
  /** The reply body's schema for each success status (200, 201…). */
  reply: { readonly [status: number]: TSchema };
}

/** Declares a contract, keeping its literal path and schemas in the type. */
export function contract<const C extends Contract>(declared: C): C {
  return declared;
}

type SuccessStatus = 200 | 201 | 202;

/** The body the operation answers with on success. */
export type ReplyOf<C extends Contract> = {
  [S in keyof C['reply'] & SuccessStatus]: C['reply'][S] extends TSchema ? Static<C['reply'][S]> : never;
}[keyof C['reply'] & SuccessStatus];

/** Any body the operation declares, success or a refusal answered as data (a 409 carrying both revisions). */
export type AnswerOf<C extends Contract> = {
  [S in keyof C['reply'] & number]: C['reply'][S] extends TSchema ? Static<C['reply'][S]> : never;
}[keyof C['reply'] & number];

/** The request body the operation takes (undefined when it takes none). */
export type BodyOf<C extends Contract> = C['body'] extends TSchema ? Static<C['body']> : undefined;

/** The query parameters the operation reads. */
export type QueryOf<C extends Contract> = C['query'] extends TObject
  ? Partial<Static<C['query']>> & Record<string, string | number | boolean | undefined>
  : never;

type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/** The path parameters, by name, as strings. */
export type ParamsOf<C extends Contract> = { [N in PathParamNames<C['path']>]: string };

/** The URL of a call: path parameters filled in (encoded), defined query values appended. */
export function urlOf(
  declared: Contract,
  params?: Record<string, string>,
  query?: Record<string, string | number | boolean | undefined>,
): string {
  const path = declared.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Parameter jalur ${name} belum diisi.`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The mark a file reply's schema carries: the media type the route answers with instead of JSON. */
export const FILE_MEDIA_TYPE = 'x-alur-file';

/** A reply that is a file download (PDF, CSV, JSON attachment), not a JSON body; its media type for OpenAPI. */
export function fileReply(mediaType: string) {
  return Type.Unsafe<never>({ type: 'string', format: 'binary', [FILE_MEDIA_TYPE]: mediaType });
}
