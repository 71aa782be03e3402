import type { FieldProblem } from '../api/problems';

/** Server field errors by JSON Pointer ("/username") or parameter name, for forms to show on the field. */
export function errorsByField(errors: FieldProblem[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) {
    const key = (e.path ?? '').replace(/^\//, '');
    if (!(key in out)) out[key] = e.message ?? 'This value is not valid.';
  }
  return out;
}
