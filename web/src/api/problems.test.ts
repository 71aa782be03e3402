import { describe, expect, it } from 'vitest';
import { ApiError, describeProblem, messageOf } from './problems';

describe('describeProblem', () => {
  it('says a lock-out in the server\'s words, with its end time', () => {
    const text = describeProblem(423, { status: 423, code: 'account_locked',
      detail: 'Too many failed log-ins: this account is locked until 2026-11-22T10:15:00Z (in 15 minutes).' });
    expect(text).toContain('locked until');
  });

  it('turns well-known codes into plain words', () => {
    expect(describeProblem(401, { status: 401, code: 'invalid_credentials', detail: 'Bad credentials.' }))
      .toBe('That username and password do not match an account.');
    expect(describeProblem(429, { status: 429, code: 'rate_limited' })).toMatch(/Wait a moment/);
  });

  it('falls back to the detail, then to the status', () => {
    expect(describeProblem(409, { status: 409, code: 'workflow_name_taken', detail: 'You already have a workflow named “A”.' }))
      .toBe('You already have a workflow named “A”.');
    expect(describeProblem(502, null)).toMatch(/unexpected error/);
    expect(describeProblem(0, null)).toMatch(/cannot be reached/);
  });

  it('gives an unreachable server a sentence, not a TypeError', () => {
    expect(messageOf(new TypeError('Failed to fetch'))).toMatch(/cannot be reached/);
    expect(new ApiError(400, { status: 400, code: 'validation_failed', errors: [{ path: '/name', code: 'required', message: 'x' }] })
      .fieldErrors).toHaveLength(1);
  });
});
