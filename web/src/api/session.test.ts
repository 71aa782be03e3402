import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer } from '../test/render';
import { authFetch, logIn, onSessionChange, resetSessionForTests } from './session';

afterEach(() => {
  vi.unstubAllGlobals();
  resetSessionForTests();
  localStorage.clear();
});

const tokens = (n: number) => ({ status: 200, body: { access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: 900,
  user: { id: 'u', username: 'ada', role: 'admin' } } });

describe('the session', () => {
  it('renews an expired access token silently and retries the request once', async () => {
    let grant = 0;
    const { calls } = fakeServer({
      'POST /api/v1/auth/token': () => tokens(++grant),
      'GET /api/v1/workflows': (request) => request.headers.get('Authorization') === 'Bearer access-2'
        ? { status: 200, body: { items: [] } }
        : { status: 401, body: { status: 401, code: 'token_expired' } },
    });
    await logIn('ada', 'a long passphrase');
    const response = await authFetch(new Request('http://localhost/api/v1/workflows'));
    expect(response.status).toBe(200);
    const refresh = calls.filter((c) => c.url.endsWith('/auth/token'))[1]!;
    expect(await refresh.json()).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
    expect(localStorage.getItem('aos.refresh-token')).toBe('refresh-2');
  });

  it('ends the session, forgetting the refresh token, when the server refuses to renew it', async () => {
    let grant = 0;
    fakeServer({
      'POST /api/v1/auth/token': () => (++grant === 1 ? tokens(1) : { status: 401, body: { status: 401, code: 'invalid_grant' } }),
      'GET /api/v1/workflows': { status: 401, body: { status: 401, code: 'token_expired' } },
    });
    const ended = vi.fn();
    onSessionChange(ended);
    await logIn('ada', 'a long passphrase');
    const response = await authFetch(new Request('http://localhost/api/v1/workflows'));
    expect(response.status).toBe(401);
    expect(ended).toHaveBeenCalledWith({ type: 'ended', reason: 'Your session has ended. Log in again to continue.' });
    expect(localStorage.getItem('aos.refresh-token')).toBeNull();
  });
});
