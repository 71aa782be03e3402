import { ApiError, type Problem } from './problems';
import type { components } from './schema';

export type TokenResponse = components['schemas']['TokenResponse'];
export type User = components['schemas']['UserView'];

/**
 * The log-in session. The access token lives in memory only; the refresh token is kept in
 * localStorage so that a reload or a new tab stays logged in. Refresh tokens work once (the
 * server revokes the whole log-in when one is reused), so every refresh runs under a Web Lock
 * shared by all tabs and always uses the newest stored token: two tabs never present the same one.
 */
const REFRESH_KEY = 'aos.refresh-token';
const REFRESH_EARLY_MS = 30_000;

type Access = { token: string; expiresAt: number };
type Listener = (event: SessionEvent) => void;
export type SessionEvent = { type: 'logged-in'; user: User } | { type: 'ended'; reason: string };

let access: Access | null = null;
let refreshing: Promise<boolean> | null = null;
const listeners = new Set<Listener>();

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: SessionEvent) {
  listeners.forEach((listener) => listener(event));
}

export function hasStoredSession(): boolean {
  return storedRefreshToken() !== null;
}

function storedRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

function store(tokens: TokenResponse) {
  access = { token: tokens.access_token!, expiresAt: Date.now() + (tokens.expires_in ?? 900) * 1000 };
  if (tokens.refresh_token) localStorage.setItem(REFRESH_KEY, tokens.refresh_token);
}

function forget() {
  access = null;
  try {
    localStorage.removeItem(REFRESH_KEY);
  } catch {
    // storage unavailable: nothing to forget
  }
}

async function problemOf(response: Response): Promise<Problem | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return null;
  try {
    return (await response.json()) as Problem;
  } catch {
    return null;
  }
}

async function tokenRequest(body: Record<string, string>): Promise<TokenResponse> {
  let response: Response;
  try {
    response = await fetch('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  return (await response.json()) as TokenResponse;
}

export async function logIn(username: string, password: string): Promise<User> {
  const tokens = await tokenRequest({ grant_type: 'password', username, password });
  store(tokens);
  emit({ type: 'logged-in', user: tokens.user! });
  return tokens.user!;
}

/** Renews the access token; false when the session is over (the caller must log in again). */
export function refresh(): Promise<boolean> {
  if (!refreshing) {
    refreshing = withTabLock(async () => {
      const token = storedRefreshToken();
      if (!token) return false;
      try {
        store(await tokenRequest({ grant_type: 'refresh_token', refresh_token: token }));
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status !== 0 && error.status < 500) {
          forget();
          emit({ type: 'ended', reason: error.message });
        }
        return false;
      }
    }).finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

async function withTabLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request('aos.refresh', work) : work();
}

export async function logOut(): Promise<void> {
  const token = storedRefreshToken();
  forget();
  if (token) {
    try {
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ refresh_token: token }),
      });
    } catch {
      // the local session is gone either way; the server's token dies with its 30-day expiry
    }
  }
  emit({ type: 'ended', reason: '' });
}

async function currentAccessToken(): Promise<string | null> {
  if (access && access.expiresAt - Date.now() > REFRESH_EARLY_MS) return access.token;
  if (await refresh()) return access!.token;
  return null;
}

/**
 * fetch() with the session's bearer token. It renews the token silently shortly before it
 * expires, and once more if the server still calls it expired (a clock skew, a sleeping laptop).
 */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const token = await currentAccessToken();
  const first = await send(input, token);
  if (first.status !== 401 || !token) return first;
  const problem = await problemOf(first.clone());
  if (problem?.code !== 'token_expired' && problem?.code !== 'invalid_token') return first;
  access = null;
  const renewed = await currentAccessToken();
  return renewed ? send(retry, renewed) : first;
}

function send(request: Request, token: string | null): Promise<Response> {
  const headers = new Headers(request.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  return fetch(new Request(request, { headers }));
}

/** For tests: forget everything held in memory. */
export function resetSessionForTests() {
  access = null;
  refreshing = null;
  listeners.clear();
}
