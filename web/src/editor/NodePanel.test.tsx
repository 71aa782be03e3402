import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render';
import { NodePanel } from './NodePanel';
import type { NodeType } from './nodeTypes';

const nodeType: NodeType = {
  type: 'http.request', version: 1, name: 'HTTP Request', kind: 'action', category: 'core',
  config_schema: ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: {
      url: { type: 'string', title: 'URL', 'x-expression': true },
      options: { type: 'object', title: 'Options', 'x-ui-collapsed': true, properties: { timeout: { type: 'integer', title: 'Timeout' } } },
    },
    required: ['url'],
  }) as NodeType['config_schema'],
};

describe('NodePanel', () => {
  it('shows a server error on the field its JSON Pointer names, and other problems above the form', () => {
    renderWithProviders(
      <NodePanel node={{ id: 'call', type: 'http.request', version: 1, name: 'Call', config: { url: 'ftp://x' } }} nodeType={nodeType}
        isTrigger={false} readOnly={false} onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()}
        problems={[
          { configPath: ['url'], message: 'The URL must start with http:// or https://.' },
          { field: 'connections', message: 'Nothing leads to this node.' },
        ]} />,
    );
    const error = screen.getByTestId('field-error-cfg-call_url');
    expect(error).toHaveTextContent('The URL must start with http:// or https://.');
    expect(screen.getByRole('alert')).toHaveTextContent('Nothing leads to this node.');
  });

  it('keeps optional settings folded and marks expression fields', () => {
    renderWithProviders(
      <NodePanel node={{ id: 'call', type: 'http.request', version: 1, name: 'Call', config: { url: '{{ $input.url }}' } }} nodeType={nodeType}
        isTrigger={false} readOnly={false} problems={[]} onChange={vi.fn()} onDelete={vi.fn()} onClose={vi.fn()} />,
    );
    const details = screen.getByText('Options').closest('details')!;
    expect(details.open).toBe(false);
    expect(screen.getByRole('button', { name: /expression on/ })).toHaveAttribute('aria-pressed', 'true');
  });
});
