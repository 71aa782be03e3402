import createClient from 'openapi-fetch';
import { ApiError, type Problem } from './problems';
import type { components, paths } from './schema';
import { authFetch } from './session';

export type Schemas = components['schemas'];

/** The typed API client: paths, parameters and bodies come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: origin(), fetch: (request: Request) => authFetch(request) });

/** Absolute URLs: a Request outside a browser page (tests) cannot resolve a relative one. */
function origin(): string {
  return typeof location !== 'undefined' ? location.origin : '';
}

export function absolute(path: string): string {
  return new URL(path, origin() || 'http://localhost').toString();
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The data of a successful answer, or an ApiError in plain words. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(0, null);
  }
  if (!result.response.ok) {
    const problem = result.error && typeof result.error === 'object' ? (result.error as Problem) : null;
    throw new ApiError(result.response.status, problem);
  }
  return result.data as T;
}

/**
 * For bodies the OpenAPI document describes only as raw bytes (workflow documents accept JSON
 * or YAML): send them as they are.
 */
export async function sendRaw<T>(method: string, path: string, body: string, contentType = 'application/json',
  headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await authFetch(new Request(absolute(path), { method, body, headers: { 'Content-Type': contentType, ...headers } }));
  } catch {
    throw new ApiError(0, null);
  }
  const isJson = (response.headers.get('Content-Type') ?? '').includes('json');
  const payload = isJson ? await response.json().catch(() => null) : null;
  if (!response.ok) throw new ApiError(response.status, payload as Problem | null);
  return payload as T;
}

/** GET for endpoints not (yet) in the OpenAPI document; null when the server answers 404. */
export async function getOptional<T>(path: string): Promise<T | null> {
  let response: Response;
  try {
    response = await authFetch(new Request(absolute(path)));
  } catch {
    throw new ApiError(0, null);
  }
  if (response.status === 404) return null;
  const payload = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, payload as Problem | null);
  return payload as T;
}
