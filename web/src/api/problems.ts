import type { components } from './schema';

export type Problem = components['schemas']['Problem'];
export type FieldProblem = components['schemas']['FieldProblem'];

/** An answer from the API that was not a success, with the problem body when it had one. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;

  constructor(status: number, problem: Problem | null, fallback?: string) {
    super(describeProblem(status, problem, fallback));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  get fieldErrors(): FieldProblem[] {
    return this.problem?.errors ?? [];
  }
}

/** Plain words for the codes a person meets; otherwise the server's own `detail`, which is written for people. */
const PLAIN_WORDS: Record<string, string> = {
  unauthenticated: 'You are not logged in any more. Log in again to continue.',
  invalid_token: 'Your session is no longer valid. Log in again to continue.',
  token_expired: 'Your session has expired. Log in again to continue.',
  invalid_grant: 'Your session has ended. Log in again to continue.',
  invalid_credentials: 'That username and password do not match an account.',
  forbidden: 'Your role or API key does not allow this.',
  not_found: 'It does not exist any more, or it is not yours.',
  rate_limited: 'Too many attempts in a short time. Wait a moment and try again.',
  internal_error: 'The server hit an unexpected error. Try again; if it keeps happening, check the server log.',
  registration_closed: 'Registration is closed on this server. Ask an admin for an account.',
};

export function describeProblem(status: number, problem: Problem | null, fallback?: string): string {
  if (problem?.code === 'account_locked') {
    return problem.detail ?? 'Too many failed log-ins: this account is locked for a while.';
  }
  if (problem?.code && problem.code in PLAIN_WORDS && !(problem.code === 'not_found' && problem.detail)) {
    return PLAIN_WORDS[problem.code]!;
  }
  if (problem?.detail) return problem.detail;
  if (status === 0) return fallback ?? 'The server cannot be reached. Check that it is running.';
  if (status >= 500) return PLAIN_WORDS.internal_error!;
  return fallback ?? `The server answered ${status}.`;
}

/** Any thrown value, as a sentence a person can act on. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof TypeError) return 'The server cannot be reached. Check that it is running.';
  if (error instanceof Error) return error.message;
  return String(error);
}
