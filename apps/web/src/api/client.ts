import {
  errorCodes,
  routes,
  type ErrorCode,
  type RouteName,
  type ValidationIssue,
} from '@razgovor/contracts';
import type { z } from 'zod';

/** Codes the client adds for failures that never reached, or never came back from, the API. */
export type ClientErrorCode = ErrorCode | 'NETWORK_ERROR' | 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: ValidationIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Route<N extends RouteName> = (typeof routes)[N];

export type RequestBody<N extends RouteName> =
  Route<N> extends { body: infer S extends z.ZodType } ? z.input<S> : undefined;
export type ResponseBody<N extends RouteName> =
  Route<N> extends { response: infer S extends z.ZodType } ? z.output<S> : unknown;
type RequestQuery<N extends RouteName> =
  Route<N> extends { query: infer S extends z.ZodType } ? z.input<S> : undefined;

type ParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamName<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

type BodyOption<N extends RouteName> =
  RequestBody<N> extends undefined ? { body?: undefined } : { body: RequestBody<N> };
type QueryOption<N extends RouteName> =
  RequestQuery<N> extends undefined ? { query?: undefined } : { query?: RequestQuery<N> };
// Contract paths are typed as plain `string` today, so params can only be checked when literal.
type ParamsOption<N extends RouteName> = string extends Route<N>['path']
  ? { params?: Record<string, string> }
  : [ParamName<Route<N>['path']>] extends [never]
    ? { params?: undefined }
    : { params: Record<ParamName<Route<N>['path']>, string> };

export type CallOptions<N extends RouteName> = BodyOption<N> &
  QueryOption<N> &
  ParamsOption<N> & { signal?: AbortSignal };
type CallArgs<N extends RouteName> =
  Record<never, never> extends CallOptions<N>
    ? [options?: CallOptions<N>]
    : [options: CallOptions<N>];

let csrfToken: Promise<string> | null = null;

async function fetchCsrfToken(): Promise<string> {
  const response = await request('GET', routes.csrf.path);

  return (response as { csrfToken: string }).csrfToken;
}

/** One token is shared by all writes; it is fetched lazily and replaced when the API rejects it. */
function getCsrfToken(refresh = false): Promise<string> {
  if (refresh || !csrfToken) {
    csrfToken = fetchCsrfToken();
    csrfToken.catch(() => (csrfToken = null));
  }

  return csrfToken;
}

function buildUrl(path: string, params?: Record<string, string>, query?: object): string {
  const filled = path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(params?.[name] ?? ''),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }

  const queryString = search.toString();

  return queryString ? `${filled}?${queryString}` : filled;
}

function toIssues(details: unknown): ValidationIssue[] {
  if (!Array.isArray(details)) return [];

  return details.filter(
    (item): item is ValidationIssue =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as ValidationIssue).path === 'string' &&
      typeof (item as ValidationIssue).message === 'string',
  );
}

function toApiError(status: number, payload: unknown): ApiError {
  const body = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<
    string,
    unknown
  >;
  const message = typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  const code = errorCodes.find((known) => known === body.code) ?? 'UNEXPECTED_RESPONSE';

  return new ApiError(status, code, message, toIssues(body.details));
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  // 202 and 204 replies may carry a JSON content type with an empty body.
  if (!type.includes('json') || text.trim() === '') return undefined;

  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', 'Response was not valid JSON');
  }
}

async function request(
  method: string,
  url: string,
  body?: unknown,
  token?: string,
  signal?: AbortSignal,
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-csrf-token'] = token;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached');
  }

  const payload = await readJson(response);
  if (!response.ok) throw toApiError(response.status, payload);

  return payload;
}

/** Calls one contract route: fills path params, adds CSRF to writes, types the reply. */
export async function call<N extends RouteName>(
  name: N,
  ...[options]: CallArgs<N>
): Promise<ResponseBody<N>> {
  const route: Route<N> = routes[name];
  const opts = (options ?? {}) as {
    body?: unknown;
    query?: object;
    params?: Record<string, string>;
    signal?: AbortSignal;
  };
  const url = buildUrl(route.path, opts.params, opts.query);

  if (route.method === 'GET') {
    return (await request('GET', url, undefined, undefined, opts.signal)) as ResponseBody<N>;
  }

  try {
    const token = await getCsrfToken();

    return (await request(route.method, url, opts.body, token, opts.signal)) as ResponseBody<N>;
  } catch (error) {
    if (!isApiError(error, 'CSRF_TOKEN_INVALID')) throw error;
    const token = await getCsrfToken(true);

    return (await request(route.method, url, opts.body, token, opts.signal)) as ResponseBody<N>;
  }
}
