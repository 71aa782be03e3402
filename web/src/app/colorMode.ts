import { useCallback, useSyncExternalStore } from 'react';

export type ColorMode = 'light' | 'dark';
const KEY = 'aos.color-mode';

function current(): ColorMode {
  return document.documentElement.classList.contains('dark') ? 'dark' : 'light';
}

function apply(mode: ColorMode) {
  const root = document.documentElement;
  root.classList.remove('light', 'dark');
  root.classList.add(mode);
  root.style.colorScheme = mode;
}

const listeners = new Set<() => void>();

/** Light or dark, kept across visits; index.html applies it before the first paint. */
export function useColorMode() {
  const mode = useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, current, () => 'light' as ColorMode);
  const toggle = useCallback(() => {
    const next: ColorMode = current() === 'dark' ? 'light' : 'dark';
    apply(next);
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    listeners.forEach((listener) => listener());
  }, []);
  return { mode, toggle };
}
