import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetSessionForTests } from '../api/session';
import { App } from '../app/App';
import { fakeServer, renderWithProviders } from '../test/render';
import { AuthProvider } from './AuthProvider';

afterEach(() => {
  vi.unstubAllGlobals();
  resetSessionForTests();
  localStorage.clear();
});

const status = { status: 200, body: { setup_required: false, registration_open: false } };

describe('log-in', () => {
  it('shows the lock-out in plain words, with when it ends', async () => {
    fakeServer({
      'GET /api/v1/auth/status': status,
      'POST /api/v1/auth/token': { status: 423, body: { status: 423, code: 'account_locked', locked_until: '2026-11-22T10:15:00Z',
        detail: 'Too many failed log-ins: this account is locked until 2026-11-22T10:15:00Z (in 15 minutes).' } },
    });
    renderWithProviders(<AuthProvider><App /></AuthProvider>, '/login');
    await userEvent.type(await screen.findByLabelText(/Username/), 'ada');
    await userEvent.type(screen.getByLabelText(/Password/), 'wrong password');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Account locked')).toBeInTheDocument();
    expect(screen.getByText(/locked until 2026-11-22T10:15:00Z/)).toBeInTheDocument();
  });

  it('says a wrong password without revealing whether the account exists', async () => {
    fakeServer({
      'GET /api/v1/auth/status': status,
      'POST /api/v1/auth/token': { status: 401, body: { status: 401, code: 'invalid_credentials', detail: 'Bad credentials.' } },
    });
    renderWithProviders(<AuthProvider><App /></AuthProvider>, '/login');
    await userEvent.type(await screen.findByLabelText(/Username/), 'nobody');
    await userEvent.type(screen.getByLabelText(/Password/), 'whatever it is');
    await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('That username and password do not match an account.')).toBeInTheDocument();
  });

  it('sends a fresh install to the admin set-up, and shows the server\'s field errors there', async () => {
    fakeServer({
      'GET /api/v1/auth/status': { status: 200, body: { setup_required: true, registration_open: true } },
      'POST /api/v1/auth/register': { status: 400, body: { status: 400, code: 'validation_failed',
        errors: [{ path: '/password', code: 'too_weak', message: 'This password is one of the best-known ones.' }] } },
    });
    renderWithProviders(<AuthProvider><App /></AuthProvider>, '/');
    expect(await screen.findByRole('heading', { name: 'Create the admin account' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Username/), 'ada');
    await userEvent.type(screen.getByLabelText(/^Password/), 'password123');
    await userEvent.type(screen.getByLabelText(/Repeat the password/), 'password123');
    await userEvent.click(screen.getByRole('button', { name: /Create admin/ }));
    expect(await screen.findByText('This password is one of the best-known ones.')).toBeInTheDocument();
  });

  it('says so when the server cannot be reached, with a retry', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('Failed to fetch'); }));
    renderWithProviders(<AuthProvider><App /></AuthProvider>, '/');
    expect(await screen.findByText('AutomateOS cannot be reached')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument());
  });
});
