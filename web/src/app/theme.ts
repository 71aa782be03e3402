import { createSystem, defaultConfig, defineConfig } from '@chakra-ui/react';

// One accent colour (blue) and the system font stack; Chakra's semantic tokens (bg, fg,
// border, …) switch with the `dark` class on <html>.
const config = defineConfig({
  globalCss: {
    'html, body': { height: '100%' },
    body: { bg: 'bg.subtle', color: 'fg' },
    ':focus-visible': { outline: '2px solid', outlineColor: 'colorPalette.focusRing', outlineOffset: '2px' },
  },
  theme: {
    tokens: {
      fonts: {
        body: { value: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        heading: { value: 'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        mono: { value: 'ui-monospace, "JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace' },
      },
    },
  },
});

export const system = createSystem(defaultConfig, config);
