import { createContext, useContext } from 'react';

/** What an expression preview evaluates against: sample data, or the context of the last run. */
export type PreviewSample = { trigger?: unknown; input?: unknown; nodes?: Record<string, unknown>; vars?: unknown };

export const PreviewContext = createContext<{ sample: PreviewSample; source: string }>({ sample: {}, source: 'sample data' });

export function usePreviewSample() {
  return useContext(PreviewContext);
}
